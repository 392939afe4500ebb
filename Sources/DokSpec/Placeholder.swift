public enum DokSpecPlaceholder {}
