public enum GLPKPlaceholder {}
