public enum DokClientPlaceholder {}
