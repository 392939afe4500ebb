public enum DokScriptPlaceholder {}
