public enum DokSandboxPlaceholder {}
