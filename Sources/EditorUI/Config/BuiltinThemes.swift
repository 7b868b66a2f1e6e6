// The shipped themes, compiled in so a single copied binary has all of them. Each text
// is byte-identical to Themes/NAME.theme (BuiltinThemesTests compares them; after editing
// a theme file, paste it here). Parsed once, on first use.

public enum BuiltinThemes {
    /// (name, theme file text) in the order `scened themes` lists them.
    public static let sources: [(name: String, text: String)] = [
        ("default", defaultText),
        ("mono", monoText),
        ("light", lightText),
        ("high-contrast", highContrastText),
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

    static let defaultText = #"""
# scened theme "default": for dark terminals. Compiled into the binary too
# (Sources/EditorUI/Config/BuiltinThemes.swift keeps an identical copy; a test checks).
# Format: Themes/README.md. Backgrounds stay the terminal's own except where a slot sets bg.
description = dark-friendly; 256 colours with hand-picked 8-colour fallbacks

# slot             256 fg  8 fg        256 bg  8 bg       with colour   monochrome
normal                                                    attrs=none
title              fg=255  fg8=white   bg=24   bg8=blue   attrs=bold    mono=reverse,bold
title-modified     fg=220  fg8=yellow  bg=24   bg8=blue   attrs=bold    mono=reverse,bold,underline
tree-line          fg=242  fg8=default                                  mono=dim
selected           fg=231  fg8=white   bg=25   bg8=blue   attrs=bold    mono=reverse
selected-inactive  fg=252  fg8=black   bg=238  bg8=white                mono=bold,underline
badge-current      fg=114  fg8=green
badge-upgradable   fg=214  fg8=yellow                     attrs=bold    mono=bold
badge-manual       fg=203  fg8=red                        attrs=bold    mono=bold,underline
badge-unknown      fg=139  fg8=magenta                                  mono=dim
module-id          fg=245  fg8=cyan                                     mono=dim
label                                                     attrs=none
app-name           fg=110  fg8=cyan
connection         fg=180  fg8=yellow
marker             fg=213  fg8=magenta                    attrs=bold    mono=bold
warning            fg=214  fg8=yellow                     attrs=bold    mono=bold,underline
error              fg=203  fg8=red                        attrs=bold    mono=bold,reverse
heading            fg=111  fg8=cyan                       attrs=bold    mono=bold,underline
detail-key         fg=110  fg8=cyan                                     mono=bold
detail-value                                              attrs=none
diff-added         fg=114  fg8=green                                    mono=bold
diff-removed       fg=203  fg8=red                                      mono=dim
diff-context       fg=246  fg8=default
status             fg=252  fg8=black   bg=236  bg8=white                mono=reverse
status-key         fg=220  fg8=blue    bg=236  bg8=white  attrs=bold    mono=reverse,bold
message                                                   attrs=none
dialog             fg=253  fg8=white   bg=237  bg8=blue                 mono=reverse
dialog-title       fg=222  fg8=yellow  bg=237  bg8=blue   attrs=bold    mono=reverse,bold
help                                                      attrs=none
dim                                                       attrs=dim
match              fg=16   fg8=black   bg=178  bg8=yellow               mono=bold,underline
cursor                                                    attrs=reverse

"""#

    static let monoText = #"""
# scened theme "mono": attributes only, no colour at any depth (like htop's
# Monochrome scheme). Compiled into the binary too; NO_COLOR gives every theme's
# monochrome attributes, this theme gives them even on a colour terminal.
# Format: Themes/README.md.
description = attributes only: bold, reverse, underline, dim

# slot             attributes
normal             attrs=none
title              attrs=reverse,bold
title-modified     attrs=reverse,bold,underline
tree-line          attrs=dim
selected           attrs=reverse
selected-inactive  attrs=bold,underline
badge-current      attrs=none
badge-upgradable   attrs=bold
badge-manual       attrs=bold,underline
badge-unknown      attrs=dim
module-id          attrs=dim
label              attrs=none
app-name           attrs=none
connection         attrs=none
marker             attrs=bold
warning            attrs=bold,underline
error              attrs=bold,reverse
heading            attrs=bold,underline
detail-key         attrs=bold
detail-value       attrs=none
diff-added         attrs=bold
diff-removed       attrs=dim
diff-context       attrs=none
status             attrs=reverse
status-key         attrs=reverse,bold
message            attrs=none
dialog             attrs=reverse
dialog-title       attrs=reverse,bold
help               attrs=none
dim                attrs=dim
match              attrs=bold,underline
cursor             attrs=reverse

"""#

    static let lightText = #"""
# scened theme "light": for terminals with a light (white or cream) background.
# Dark foregrounds; no yellow or cyan text at 8 colours, where they wash out.
# Format: Themes/README.md.
description = for light backgrounds; dark text, 8-colour fallbacks without yellow text

# slot             256 fg  8 fg        256 bg  8 bg       with colour   monochrome
normal                                                    attrs=none
title              fg=231  fg8=white   bg=25   bg8=blue   attrs=bold    mono=reverse,bold
title-modified     fg=229  fg8=yellow  bg=25   bg8=blue   attrs=bold    mono=reverse,bold,underline
tree-line          fg=248  fg8=default                                  mono=dim
selected           fg=16   fg8=white   bg=153  bg8=blue   attrs=bold    mono=reverse
selected-inactive  fg=16   fg8=black   bg=252  bg8=white                mono=bold,underline
badge-current      fg=28   fg8=green
badge-upgradable   fg=130  fg8=magenta                    attrs=bold    mono=bold
badge-manual       fg=160  fg8=red                        attrs=bold    mono=bold,underline
badge-unknown      fg=97   fg8=default                                  mono=dim
module-id          fg=242  fg8=blue                                     mono=dim
label                                                     attrs=none
app-name           fg=24   fg8=blue
connection         fg=94   fg8=magenta
marker             fg=127  fg8=magenta                    attrs=bold    mono=bold
warning            fg=166  fg8=red                        attrs=bold    mono=bold,underline
error              fg=160  fg8=red                        attrs=bold    mono=bold,reverse
heading            fg=25   fg8=blue                       attrs=bold    mono=bold,underline
detail-key         fg=24   fg8=blue                                     mono=bold
detail-value                                              attrs=none
diff-added         fg=28   fg8=green                                    mono=bold
diff-removed       fg=160  fg8=red                                      mono=dim
diff-context       fg=240  fg8=default
status             fg=16   fg8=white   bg=252  bg8=black                mono=reverse
status-key         fg=25   fg8=yellow  bg=252  bg8=black  attrs=bold    mono=reverse,bold
message                                                   attrs=none
dialog             fg=16   fg8=black   bg=254  bg8=cyan                 mono=reverse
dialog-title       fg=25   fg8=black   bg=254  bg8=cyan   attrs=bold    mono=reverse,bold
help                                                      attrs=none
dim                                                       attrs=dim
match              fg=16   fg8=black   bg=222  bg8=yellow               mono=bold,underline
cursor                                                    attrs=reverse

"""#

    static let highContrastText = #"""
# scened theme "high-contrast": black text on saturated backgrounds for every
# coloured element, so it reads on dark and light terminals alike; no dim text.
# Format: Themes/README.md.
description = black on saturated backgrounds; reads on dark and light terminals; never dim

# slot             256 fg  8 fg        256 bg  8 bg        with colour        monochrome
normal                                                     attrs=none
title              fg=16   fg8=black   bg=226  bg8=yellow  attrs=bold         mono=reverse,bold
title-modified     fg=231  fg8=white   bg=160  bg8=red     attrs=bold,underline mono=reverse,bold,underline
tree-line                                                  attrs=none
selected           fg=16   fg8=black   bg=51   bg8=cyan    attrs=bold         mono=reverse
selected-inactive  fg=16   fg8=black   bg=250  bg8=white   attrs=underline    mono=bold,underline
badge-current      fg=16   fg8=black   bg=46   bg8=green
badge-upgradable   fg=16   fg8=black   bg=226  bg8=yellow  attrs=bold         mono=bold
badge-manual       fg=231  fg8=white   bg=160  bg8=red     attrs=bold         mono=bold,reverse
badge-unknown      fg=16   fg8=black   bg=201  bg8=magenta                    mono=underline
module-id                                                  attrs=bold
label                                                      attrs=none
app-name                                                   attrs=none
connection                                                 attrs=underline
marker             fg=16   fg8=black   bg=201  bg8=magenta attrs=bold         mono=bold
warning            fg=16   fg8=black   bg=226  bg8=yellow  attrs=bold         mono=bold,underline
error              fg=231  fg8=white   bg=160  bg8=red     attrs=bold         mono=bold,reverse
heading                                                    attrs=bold,underline
detail-key                                                 attrs=bold
detail-value                                               attrs=none
diff-added         fg=16   fg8=black   bg=46   bg8=green                      mono=bold
diff-removed       fg=231  fg8=white   bg=160  bg8=red                        mono=underline
diff-context                                               attrs=none
status             fg=16   fg8=black   bg=250  bg8=white                      mono=reverse
status-key         fg=16   fg8=black   bg=226  bg8=yellow  attrs=bold         mono=reverse,bold
message                                                    attrs=bold
dialog             fg=16   fg8=black   bg=231  bg8=white                      mono=reverse
dialog-title       fg=16   fg8=black   bg=231  bg8=white   attrs=bold         mono=reverse,bold
help                                                       attrs=none
dim                                                        attrs=none
match              fg=16   fg8=black   bg=226  bg8=yellow  attrs=bold,underline
cursor                                                     attrs=reverse

"""#
}
