public enum EditorUIInfo { public static let name = "EditorUI" }
