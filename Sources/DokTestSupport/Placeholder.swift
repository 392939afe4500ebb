public enum DokTestSupportPlaceholder {}
