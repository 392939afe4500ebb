public enum DokREPLPlaceholder {}
