import CNcursesW
public enum CursesInfo { public static let name = "CursesTerminal" }
