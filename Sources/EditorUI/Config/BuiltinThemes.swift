// The shipped themes, compiled in so a single copied binary has all of them: the files
// Themes/NAME.theme, embedded by SwiftPM (`.embedInCode`; Sources/EditorUI/Themes is a
// link to the top-level Themes folder). Parsed once, on first use.

public enum BuiltinThemes {
    /// (name, theme file text) in the order `scened themes` lists them.
    public static let sources: [(name: String, text: String)] = [
        ("default", String(decoding: PackageResources.default_theme, as: UTF8.self)),
        ("mono", String(decoding: PackageResources.mono_theme, as: UTF8.self)),
        ("light", String(decoding: PackageResources.light_theme, as: UTF8.self)),
        ("high-contrast", String(decoding: PackageResources.high_contrast_theme, as: UTF8.self)),
    ]

    /// Every built-in theme, parsed. A built-in text with an error (impossible while the
    /// tests pass) degrades to a theme that still shows the selection, never a crash.
    public static let all: [Theme] = sources.map { src in
        let file = ThemeFile.parse(src.text, name: src.name, file: "<built-in \(src.name).theme>")
        if file.errors.isEmpty { return file.theme(base: nil) }
        return Theme(name: src.name, styles: [.selected: SlotStyle(attrs: .reverse, monoAttrs: .reverse)])
    }

    /// The `description =` line of a built-in theme.
    public static func description(of name: String) -> String? {
        sources.first { $0.name == name }.flatMap { ThemeFile.parse($0.text, name: $0.name, file: "").description }
    }

    static func theme(_ name: String) -> Theme {
        all.first { $0.name == name } ?? Theme(name: name, styles: [:])
    }
}
