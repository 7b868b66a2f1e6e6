// The ncurses backend: copies ScreenBuffer frames into ncurses and turns wget_wch()
// results into Keys. The only code that talks to ncurses; everything it draws comes
// from a ScreenBuffer, which views fill without knowing about terminals.
import CNcursesW
import EditorUI
import Glibc

public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

@MainActor public final class CursesScreen {
    /// True when the locale is UTF-8; otherwise draw with `Glyphs.ascii` and
    /// `SafeText.inert(_, ascii: true)` (the backend also turns stray non-ASCII into `?`).
    public let utf8: Bool
    /// Colours reported by the terminal (COLORS after start_color), 0 without colour.
    public let colors: Int
    /// The depth styles are drawn with: mono under NO_COLOR, forceMono or < 8 colours.
    public let depth: ColorDepth
    public var theme: Theme {
        get { styles.theme }
        set { styles.theme = newValue; previous = nil }
    }
    /// The glyph set that suits the locale.
    public var glyphs: Glyphs { utf8 ? .unicode : .ascii }

    private let screen: OpaquePointer
    private let win: UnsafeMutablePointer<WINDOW>
    private let fd: Int32
    /// The tty mode before curses started, restored by signal handlers.
    private let shellMode: termios?
    private var styles: CursesStyles
    private var ownedTTY: UnsafeMutablePointer<FILE>?
    private var active = true
    private var mouseEnabled = false
    private var cellChars = [wchar_t](repeating: 0, count: 8)
    /// The last frame copied into the window: rows equal to it are not copied again.
    private var previous: ScreenBuffer?
    private static var live = false

    /// Starts curses on the controlling terminal (stdin/stdout, or /dev/tty when they are
    /// redirected). Throws a readable error for an unknown TERM or a missing terminal.
    public convenience init(theme: Theme, forceMono: Bool) throws {
        if isatty(0) == 1 && isatty(1) == 1 {
            try self.init(theme: theme, forceMono: forceMono, input: nc_stdin(), output: nc_stdout())
        } else {
            guard let tty = fopen("/dev/tty", "r+") else {
                throw TerminalError(description: "no terminal: standard input/output are redirected and /dev/tty cannot be opened")
            }
            do {
                try self.init(theme: theme, forceMono: forceMono, input: tty, output: tty)
            } catch {
                fclose(tty)
                throw error
            }
            ownedTTY = tty
        }
    }

    /// Starts curses on explicit streams (tests use /dev/null to run headless).
    /// Only one CursesScreen can be active at a time: ncurses is process-global.
    public init(theme: Theme, forceMono: Bool, input: UnsafeMutablePointer<FILE>,
                output: UnsafeMutablePointer<FILE>) throws {
        guard !CursesScreen.live else { throw TerminalError(description: "a terminal screen is already active") }
        TerminalGuard.install()                    // before newterm: ncurses then leaves SIGINT/SIGTERM to us
        setlocale(LC_ALL, "")                      // must precede newterm, or no UTF-8 in or out
        utf8 = nc_locale_is_utf8() != 0
        fd = fileno(output)
        var mode = termios()
        shellMode = tcgetattr(fd, &mode) == 0 ? mode : nil
        // newterm() returns nil for an unknown TERM; initscr() would print and exit(1).
        guard let scr = newterm(nil, output, input) else { throw CursesScreen.termError() }
        screen = scr
        set_term(scr)
        win = nc_stdscr()
        raw()                                      // Ctrl-C/Ctrl-S/Ctrl-Z/Ctrl-Q reach the editor as keys
        noecho()
        nonl()
        keypad(win, true)
        intrflush(win, false)
        _ = curs_set(0)
        // The cursor is hidden (editors draw their own): leave it wherever the update
        // ends instead of moving it back, which cost every frame a cursor address.
        leaveok(win, true)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }   // ncurses waits 1 s for Esc by default
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        var colorCount = 0, defaultColors = false
        if has_colors() && !forceMono && !noColor {
            start_color()
            defaultColors = use_default_colors() != ERR
            colorCount = Int(nc_colors())          // 0 until start_color()
        }
        colors = colorCount
        depth = ColorDepth.detect(colors: colorCount, noColor: noColor || forceMono)
        styles = CursesStyles(theme: theme, depth: depth, colors: colorCount, defaultColors: defaultColors)
        CursesScreen.live = true
        armRestore(fd: fd, shellMode: shellMode, sequence: leaveSequence())
    }

    isolated deinit { shutdown() }

    private static func termError() -> TerminalError {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty {
            return TerminalError(description: "cannot start the terminal UI: TERM is not set (try TERM=xterm-256color)")
        }
        return TerminalError(description: """
            cannot start the terminal UI: TERM='\(SafeText.inert(term, ascii: true))' is not in this system's \
            terminfo database. Try TERM=xterm-256color, or install the ncurses-term package.
            """)
    }

    /// Columns and rows of the terminal (updated by ncurses on resize, see `Key.resize`).
    public var size: (width: Int, height: Int) { (Int(getmaxx(win)), Int(getmaxy(win))) }

    /// Shows a frame: ncurses diffs it against the screen and sends only the changes.
    /// Cells outside the terminal are ignored; uncovered terminal cells are blank.
    public func present(_ buf: ScreenBuffer) {
        guard active else { return }
        let (w, h) = size
        // Only rows that differ from the last frame are copied (a cursor move changes two or
        // three); ncurses then sends only the cells that changed. A new size, theme or a
        // forced repaint copies everything.
        let last = previous.flatMap { $0.width == buf.width && $0.height == buf.height && buf.width == w && buf.height == h ? $0 : nil }
        if last == nil { werase(win) }             // not wclear(): that repaints everything (P19)
        for y in 0..<min(h, buf.height) {
            if let last, buf.rowEquals(y, last) { continue }
            for x in 0..<min(w, buf.width) {
                let cell = buf[x, y]
                if cell.continuation { continue }
                // an unchanged cell stays (a wide character that changes differs in both of
                // its columns, so the cells it covers or uncovers are drawn too)
                if let last, last[x, y] == cell, x + 1 >= buf.width || last[x + 1, y].continuation == buf[x + 1, y].continuation { continue }
                let (attr, pair) = styles.style(cell.slot)
                draw(cell, x: x, y: y, fits: x + Int(cell.width) <= w, attr: attr, pair: pair)
            }
        }
        wnoutrefresh(win)
        doupdate()
        previous = buf
    }

    /// Writes one cell. ncurses measures characters with the locale's wcwidth(); where
    /// that disagrees with TextWidth (or the locale is not UTF-8) the cell is degraded
    /// to something both agree on, so one odd character can never shift the row.
    private func draw(_ cell: Cell, x: Int, y: Int, fits: Bool, attr: attr_t, pair: Int16) {
        let scalars = cell.text.unicodeScalars
        guard let base = scalars.first else { return }
        var count = 0
        func append(_ v: UInt32) { cellChars[count] = wchar_t(bitPattern: v); count += 1 }
        let libcWidth = base.value < 0x80 ? 1 : Int(wcwidth(wchar_t(bitPattern: base.value)))
        if !utf8 {
            append(base.isASCII && base.value >= 0x20 && base.value != 0x7F ? base.value : 0x3F)   // "?"
        } else if !fits || libcWidth < 1 || libcWidth > Int(cell.width) {
            append(0x3F)
        } else {
            append(base.value)
            if libcWidth == Int(cell.width) {
                // Combining marks (not joiners: a dangling ZWJ would glue onto the next cell).
                for u in scalars.dropFirst() where count < 5 && u.value != 0x200D && wcwidth(wchar_t(bitPattern: u.value)) == 0 {
                    append(u.value)
                }
            }
        }
        append(0)
        var cc = cchar_t()
        guard setcchar(&cc, cellChars, attr, pair, nil) != ERR else { return }
        _ = mvwadd_wch(win, Int32(y), Int32(x), &cc)   // ERR at the bottom-right corner is expected (P13)
        if Int(cell.width) == 2 && libcWidth != 2 {
            // The second column of a degraded wide cell: a blank in the same style.
            var blank = cchar_t()
            var space: [wchar_t] = [0x20, 0]
            if setcchar(&blank, &space, attr, pair, nil) != ERR { _ = mvwadd_wch(win, Int32(y), Int32(x + 1), &blank) }
        }
    }

    /// Ctrl-L: the next `present` repaints the whole screen (after line noise, or when
    /// another program scribbled on the terminal).
    public func forceRedraw() {
        guard active else { return }
        previous = nil
        clearok(win, true)
    }

    /// Waits for a key: forever with nil, else up to `timeoutMs` (nil on timeout).
    public func readKey(timeoutMs: Int? = nil) -> Key? {
        guard active else { return nil }
        wtimeout(win, Int32(clamping: timeoutMs ?? -1))
        var wc: wint_t = 0
        let rc = wget_wch(win, &wc)
        if rc == ERR { return nil }
        if rc == KEY_CODE_YES {
            let code = Int32(bitPattern: wc)
            if code == KEY_MOUSE { return readMouse() }
            return CursesKeys.functionKey(code)
        }
        if wc == 27 { return altOrEscape() }
        return CursesKeys.character(wc)
    }

    /// ESC followed at once by a character is Alt+character (ncurses already waited
    /// ESCDELAY for an escape sequence); anything else is put back.
    private func altOrEscape() -> Key {
        wtimeout(win, 0)
        var next: wint_t = 0
        let rc = wget_wch(win, &next)
        if rc == OK, next >= 0x20, next != 0x7F, let scalar = Unicode.Scalar(next) {
            return .alt(Character(scalar))
        }
        if rc == OK { _ = unget_wch(wchar_t(bitPattern: next)) }
        if rc == KEY_CODE_YES { _ = ungetch(Int32(bitPattern: next)) }
        return .escape
    }

    private func readMouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return CursesKeys.mouse(kind: nc_mouse_kind(event.bstate), x: event.x, y: event.y)
    }

    /// Mouse reporting is off by default: it breaks the terminal's own copy/paste.
    public func enableMouse(_ on: Bool) {
        guard active else { return }
        mouseEnabled = on
        _ = mousemask(on ? nc_mouse_mask() : 0, nil)
        if on { _ = mouseinterval(0) }
        armRestore(fd: fd, shellMode: shellMode, sequence: leaveSequence())
    }

    /// Ctrl-Z: gives the terminal back to the shell and stops the process; on `fg` the
    /// next `present` restores curses mode and repaints.
    public func suspend() {
        guard active else { return }
        endwin()
        raise(SIGSTOP)
        previous = nil
        clearok(win, true)
    }

    /// Leaves curses mode and frees the screen. Safe to call more than once.
    public func shutdown() {
        guard active else { return }
        active = false
        disarmRestore()
        if mouseEnabled { _ = mousemask(0, nil) }
        endwin()
        delscreen(screen)
        if let tty = ownedTTY { fclose(tty); ownedTTY = nil }
        CursesScreen.live = false
    }

    /// The bytes that take the terminal out of curses mode, from terminfo.
    private func leaveSequence() -> [UInt8] {
        var out: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let s = nc_tigetstr(cap) { out += CursesScreen.withoutPadding(Array(String(cString: s).utf8)) }
        }
        if mouseEnabled { out += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8) }
        return out
    }

    /// Drops terminfo delay markers (`$<5>`, `$<2*/>`), which only tputs() understands.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
