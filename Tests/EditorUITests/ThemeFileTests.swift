import Foundation
import Testing
@testable import EditorUI

/// The theme file format: shipped files, the compiled-in copies, every error kind
/// (with its line number), inherit and patch semantics, and the theme search order.
@Suite struct ThemeFileTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    func errors(_ text: String) -> [String] {
        ThemeFile.parse(text, name: "t", file: "t.theme").errors.map(\.description)
    }

    // MARK: shipped themes

    @Test func compiledInThemesAreByteIdenticalToTheFiles() throws {
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.themesDir.path)
            .filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }.sorted()
        #expect(shipped == BuiltinThemes.sources.map(\.name).sorted(), "every Themes/*.theme is compiled in, and only those")
        for src in BuiltinThemes.sources {
            let file = try Data(contentsOf: Self.themesDir.appendingPathComponent("\(src.name).theme"))
            let identical = [UInt8](file) == Array(src.text.utf8)
            #expect(identical, "Themes/\(src.name).theme differs from BuiltinThemes.swift: paste the file into it")
        }
    }

    @Test(arguments: ["default", "mono", "light", "high-contrast"])
    func shippedThemeParsesAndDefinesEverySlot(_ name: String) throws {
        let src = try #require(BuiltinThemes.sources.first { $0.name == name })
        let file = ThemeFile.parse(src.text, name: name, file: name)
        #expect(file.errors.isEmpty, "\(file.errors)")
        #expect(file.description?.isEmpty == false)
        let theme = try #require(Theme.named(name))
        for slot in StyleSlot.allCases {
            #expect(theme.styles[slot] != nil, "\(name) does not set \(slot.rawValue)")
        }
        // Monochrome must still show the selection and tell warnings from plain text.
        #expect(!theme[.selected].monoAttrs.isEmpty)
        #expect(theme[.warning].monoAttrs != theme[.normal].monoAttrs)
        // Backgrounds stay the terminal's own for ordinary text.
        for slot in [StyleSlot.normal, .label, .detailValue, .treeLine, .help] {
            #expect(theme[slot].bg256 == nil && theme[slot].bg8 == nil, "\(name) \(slot.rawValue) sets a background")
        }
    }

    @Test func monoThemeHasNoColourAndDefaultKeepsItsKnownValues() {
        for slot in StyleSlot.allCases {
            let m = Theme.mono[slot]
            #expect(m.fg256 == nil && m.fg8 == nil && m.bg256 == nil && m.bg8 == nil)
            #expect(m.attrs == m.monoAttrs)
        }
        let sel = Theme.default[.selected]
        #expect(sel == SlotStyle(fg256: 231, fg8: 7, bg256: 25, bg8: 4, attrs: .bold, monoAttrs: .reverse))
        #expect(Theme.default[.treeLine] == SlotStyle(fg256: 242, monoAttrs: .dim))
    }

    // MARK: the format

    @Test func slotLineSetsEveryField() throws {
        let f = ThemeFile.parse("""
            description = test theme
            # a comment
            title  fg=bright-white fg8=white bg=24 bg8=blue attrs=bold,underline mono=reverse   # trailing
            label  fg=default attrs=dim
            """, name: "t", file: "t.theme")
        #expect(f.errors.isEmpty)
        #expect(f.description == "test theme")
        let t = f.theme(base: nil)
        #expect(t[.title] == SlotStyle(fg256: 15, fg8: 7, bg256: 24, bg8: 4, attrs: [.bold, .underline], monoAttrs: .reverse))
        #expect(t[.label] == SlotStyle(attrs: .dim, monoAttrs: .dim), "mono defaults to attrs")
        #expect(t.styles[.heading] == nil, "an unlisted slot falls back to normal")
    }

    @Test(arguments: [
        ("titel fg=1", "t.theme:1: unknown slot 'titel' (did you mean 'title'?)"),
        ("title bold", "t.theme:1: title: expected key=value"),
        ("title colour=1", "t.theme:1: title: unknown key 'colour'"),
        ("title fg=300", "t.theme:1: title: fg: '300' is not a colour"),
        ("title fg=blu", "t.theme:1: title: fg: 'blu' is not a colour"),
        ("title fg=1 fg8=9", "t.theme:1: title: fg8: '9' is not an 8-colour value"),
        ("title bg8=orange", "t.theme:1: title: bg8: 'orange' is not an 8-colour value"),
        ("title attrs=blink", "t.theme:1: title: attrs: unknown attribute 'blink'"),
        ("title mono=bold,,dim", "t.theme:1: title: mono: unknown attribute ''"),
        ("title fg=1 fg=2", "t.theme:1: title: fg= given twice"),
        ("title fg=", "t.theme:1: title: fg= has no value"),
        ("title", "t.theme:1: title: no fields"),
        ("title fg=214", "t.theme:1: title: fg=214 needs a hand-picked fg8= fallback"),
        ("title bg=52 bg8=red fg=17", "t.theme:1: title: fg=17 needs a hand-picked fg8="),
        ("colour = nice", "t.theme:1: unknown setting 'colour'"),
        ("inherit =", "t.theme:1: inherit needs one theme name"),
    ])
    func eachErrorKindNamesFileLineAndProblem(_ text: String, _ expected: String) {
        let errs = errors(text)
        #expect(errs.count == 1, "\(errs)")
        #expect(errs.first?.hasPrefix(expected) == true, "got \(errs)")
    }

    @Test func errorsCarryTheirOwnLineNumbersAndAllAreReported() {
        let errs = errors("""
            # header
            title fg=1

            title fg=2
            status fg=999
            """)
        #expect(errs == [
            "t.theme:4: slot 'title' is already set on line 2",
            "t.theme:5: status: fg: '999' is not a colour (0-255, a colour name like red or bright-blue, or default)",
        ])
    }

    @Test func hostileTextInAThemeFileIsInertInTheMessage() {
        let errs = errors("\u{1B}]52;c;aGk=\u{07} fg=1")
        #expect(errs.count == 1)
        #expect(!errs[0].contains("\u{1B}") && !errs[0].contains("\u{07}"))
        #expect(errs[0].contains("\\e]52"))
    }

    // MARK: library: names, paths, inherit

    let dir = "/home/u/.config/scened/themes"

    func library(_ files: [String: String]) -> ThemeLibrary {
        ThemeLibrary(userDirectory: dir, fs: .memory(files))
    }

    @Test func inheritPatchesOnlyTheNamedFields() throws {
        let lib = library(["\(dir)/mine.theme": "inherit = light\nselected bg=52 bg8=red\n"])
        let t = try #require(lib.load("mine").theme)
        let light = try #require(Theme.named("light"))
        #expect(t.name == "mine")
        #expect(t[.selected].bg256 == 52 && t[.selected].bg8 == 1)
        #expect(t[.selected].fg256 == light[.selected].fg256, "fields not on the line stay inherited")
        #expect(t[.selected].monoAttrs == light[.selected].monoAttrs)
        #expect(t[.heading] == light[.heading])
    }

    @Test func aUserThemeCanReplaceAndInheritTheBuiltInOfTheSameName() throws {
        let lib = library(["\(dir)/light.theme": "inherit = light\ntitle fg=16 fg8=black\n"])
        let t = try #require(lib.load("light").theme)
        #expect(t[.title].fg256 == 16)
        #expect(t[.title].bg256 == Theme.named("light")?[.title].bg256)
        #expect(lib.list().filter { $0.name == "light" }.map(\.origin) == [.file("\(dir)/light.theme")])
    }

    @Test func inheritLoopsMissingParentsAndMissingFilesAreErrors() {
        let lib = library([
            "/t/a.theme": "inherit = /t/b.theme\n",
            "/t/b.theme": "\ninherit = /t/a.theme\n",
            "/t/c.theme": "inherit = nosuch\n",
        ])
        let loop = lib.load("/t/a.theme")
        #expect(loop.theme == nil)
        #expect(loop.errors.map(\.description).contains { $0.hasPrefix("/t/a.theme: inherit loops back to this file") })
        let missing = lib.load("/t/c.theme")
        #expect(missing.errors.map(\.description).first?.hasPrefix("/t/c.theme:1: no theme named 'nosuch'") == true)
        let nofile = lib.load("/t/none.theme")
        #expect(nofile.errors.map(\.description) == ["/t/none.theme: cannot open: No such file or directory"])
        let noname = lib.load("ligth", file: "--theme")
        #expect(noname.errors.first?.description.hasPrefix("--theme: no theme named 'ligth' (did you mean 'light'?)") == true)
    }

    @Test func listShowsBuiltInsThenUserThemesWithTheirErrors() {
        let lib = library([
            "\(dir)/ok.theme": "description = mine\ntitle attrs=bold\n",
            "\(dir)/bad.theme": "title fg=999\n",
            "\(dir)/notes.txt": "not a theme",
        ])
        let l = lib.list()
        #expect(l.map(\.name) == ["default", "mono", "light", "high-contrast", "bad", "ok"])
        #expect(l.first { $0.name == "ok" }?.description == "mine")
        #expect(l.first { $0.name == "ok" }?.errors.isEmpty == true)
        #expect(l.first { $0.name == "bad" }?.errors.first?.line == 1)
    }
}
