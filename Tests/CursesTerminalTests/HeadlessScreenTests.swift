import CNcursesW
import EditorUI
import Glibc
import Synchronization
import Testing
@testable import CursesTerminal

/// The real ncurses backend with no terminal: output goes to /dev/null and the tests read
/// ncurses' own virtual screen back (tig's TIG_NO_DISPLAY trick). ncurses is process-wide
/// state, so everything that starts a screen lives in this one serialized suite.
@Suite(.serialized) @MainActor struct HeadlessScreenTests {
    init() {
        setenv("TERM", "xterm-256color", 1)
        setenv("LC_ALL", "C.UTF-8", 1)               // CI may run with LANG=C
        setenv("LINES", "6", 1)
        setenv("COLUMNS", "20", 1)
        unsetenv("NO_COLOR")                         // `swift test` sets NO_COLOR=1 when piped (P15)
        unsetenv("ESCDELAY")
    }

    private func withScreen(input: String? = nil, forceMono: Bool = false,
                            _ body: (CursesScreen) throws -> Void) throws {
        let out = try #require(fopen("/dev/null", "w"))
        defer { fclose(out) }
        let inFile: UnsafeMutablePointer<FILE>
        if let input {
            let path = "/tmp/scened-keys-\(getpid()).bin"
            let w = try #require(fopen(path, "w"))
            fputs(input, w)
            fclose(w)
            inFile = try #require(fopen(path, "r"))
            unlink(path)
        } else {
            inFile = try #require(fopen("/dev/null", "r"))
        }
        defer { fclose(inFile) }
        let screen = try CursesScreen(theme: .default, forceMono: forceMono, input: inFile, output: out)
        defer { screen.shutdown() }
        try body(screen)
    }

    /// What ncurses holds for row y (its virtual screen, not the wire).
    private func row(_ y: Int) -> String {
        var buf = [wchar_t](repeating: 0, count: Int(getmaxx(nc_stdscr())) + 1)
        _ = mvwinnwstr(nc_stdscr(), Int32(y), 0, &buf, Int32(buf.count - 1))
        var s = ""
        for v in buf.prefix(while: { $0 != 0 }) { s.unicodeScalars.append(Unicode.Scalar(UInt32(bitPattern: v)) ?? "?") }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Attributes and colours ncurses stored for the cell at (x, y).
    private func cell(_ x: Int, _ y: Int) -> (text: String, attrs: attr_t, fg: Int16, bg: Int16) {
        var cc = cchar_t()
        _ = mvwin_wch(nc_stdscr(), Int32(y), Int32(x), &cc)
        var wch = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        _ = getcchar(&cc, &wch, &attrs, &pair, nil)
        var fg: Int16 = -1, bg: Int16 = -1
        if pair != 0 { _ = pair_content(pair, &fg, &bg) }
        let text = String(String.UnicodeScalarView(wch.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        return (text, attrs, fg, bg)
    }

    @Test func presentsWideTextAndStylesAt256Colours() throws {
        try withScreen { screen in
            #expect(screen.size == (20, 6))
            #expect(screen.utf8)
            #expect(screen.colors == 256 && screen.depth == .c256)
            var buf = ScreenBuffer(width: 20, height: 6)
            buf.put("模块-cjk émigré", x: 0, y: 0, slot: .label)
            buf.put("v1 ✓", x: 0, y: 1, slot: .badgeCurrent)
            buf.put("selected", x: 0, y: 2, slot: .selected)
            buf.put("\u{1B}[2J", x: 0, y: 3, slot: .normal)
            buf.put("end", x: 17, y: 5, slot: .status)      // bottom-right corner cell
            screen.present(buf)
            #expect(row(0) == "模块-cjk émigré")
            #expect(row(1) == "v1 ✓")
            #expect(row(3) == "\\e[2J")
            #expect(row(5) == "                 end")
            let badge = cell(0, 1)
            #expect(badge.fg == 114 && badge.bg == -1)
            let sel = cell(0, 2)
            #expect(sel.fg == 231 && sel.bg == 25 && sel.attrs & nc_a_bold() != 0)
            #expect(cell(0, 0).text == "模")
            #expect(cell(19, 5).text == "d")
        }
    }

    /// Frame after frame only changed cells are copied: what ncurses holds must equal each
    /// new frame, also where wide characters replace narrow ones and back, and a cell whose
    /// text stays but whose style changes.
    @Test func laterFramesCopyOnlyWhatChangedAndMatchTheFrame() throws {
        try withScreen { screen in
            let frames: [[(String, Int, Int, StyleSlot)]] = [
                [("模块-cjk abc", 0, 0, .label), ("same row", 0, 1, .normal), ("x", 0, 2, .normal)],
                [("a模块cjk abc", 0, 0, .label), ("same row", 0, 1, .normal), ("x", 0, 2, .selected)],
                [("ab模 cjk", 0, 0, .label), ("same row", 0, 1, .normal), ("", 0, 2, .normal)],
                [("abcdefgh", 0, 0, .label), ("same row", 0, 1, .normal), ("模", 5, 2, .normal)],
            ]
            for f in frames {
                var buf = ScreenBuffer(width: 20, height: 6)
                for (text, x, y, slot) in f { buf.put(text, x: x, y: y, slot: slot) }
                screen.present(buf)
                for y in 0..<6 {
                    var want = ""
                    var x = 0
                    while x < 20 { let c = buf[x, y]; if !c.continuation { want += c.text }; x += 1 }
                    while want.last == " " { want.removeLast() }
                    #expect(row(y) == want, "row \(y) after frame \(f.map(\.0))")
                }
            }
            // the style of an unchanged text follows the frame
            #expect(cell(0, 2).text == " ")
            var a = ScreenBuffer(width: 20, height: 6), b = a
            a.put("s", x: 0, y: 3, slot: .normal)
            b.put("s", x: 0, y: 3, slot: .selected)
            screen.present(a)
            let plain = cell(0, 3)
            screen.present(b)
            let sel = cell(0, 3)
            #expect(plain.text == "s" && sel.text == "s")
            #expect(sel.attrs & nc_a_bold() != 0 && plain.attrs & nc_a_bold() == 0)
        }
    }

    @Test func degradesCellsWhereTheLocaleDisagreesWithTextWidth() throws {
        try withScreen { screen in
            var buf = ScreenBuffer(width: 20, height: 6)
            buf.put("❤️x", x: 0, y: 0, slot: .normal)             // TextWidth 2, libc wcwidth 1
            buf.put("👨‍👩‍👧y", x: 0, y: 1, slot: .normal)        // ZWJ family: base emoji only
            buf.put("e\u{301}z", x: 0, y: 2, slot: .normal)       // combining accent kept
            screen.present(buf)
            #expect(row(0) == "❤ x")
            #expect(cell(2, 0).text == "x")
            #expect(cell(0, 1).text == "👨" && cell(2, 1).text == "y")
            #expect(cell(0, 2).text == "e\u{301}" && cell(1, 2).text == "z")
        }
    }

    @Test func monoUsesAttributesOnly() throws {
        try withScreen(forceMono: true) { screen in
            #expect(screen.depth == .mono)
            var buf = ScreenBuffer(width: 20, height: 6)
            buf.put("sel", x: 0, y: 0, slot: .selected)
            buf.put("ok", x: 0, y: 1, slot: .badgeCurrent)
            screen.present(buf)
            #expect(cell(0, 0).attrs & nc_a_reverse() != 0)
            #expect(cell(0, 0).fg == -1 && cell(0, 1).fg == -1)
        }
        setenv("NO_COLOR", "1", 1)
        defer { unsetenv("NO_COLOR") }
        try withScreen { screen in #expect(screen.depth == .mono && screen.colors == 0) }
    }

    @Test func clipsFramesOfAnotherSizeAndFollowsResize() throws {
        try withScreen { screen in
            var big = ScreenBuffer(width: 50, height: 20)
            big.fill(x: 0, y: 0, width: 50, height: 20, slot: .dialog, char: "模")
            screen.present(big)
            #expect(row(0) == String(repeating: "模", count: 10))
            _ = resizeterm(4, 9)
            #expect(screen.size == (9, 4))
            screen.present(big)                          // 模 at the last column → "?"
            #expect(row(0) == String(repeating: "模", count: 4) + "?")
            screen.present(ScreenBuffer(width: 0, height: 0))
            #expect(row(0) == "")
            screen.forceRedraw()
            screen.present(ScreenBuffer(width: 3, height: 1))
        }
    }

    @Test func decodesKeys() throws {
        let input = "j\u{1B}OB\u{13}\r\u{7F}模\u{1B}[Z\u{1B}OP\u{1B}[5~\u{1B}[3~\t\u{1B}j\u{1}\u{1B}\u{2}"
        try withScreen(input: input) { screen in
            var keys: [Key] = []
            while let k = screen.readKey(timeoutMs: 0) { keys.append(k) }
            #expect(keys == [.char("j"), .down, .ctrl("s"), .enter, .backspace, .char("模"), .backTab,
                             .function(1), .pageUp, .delete, .tab, .alt("j"), .ctrl("a"), .escape, .ctrl("b")])
        }
    }

    @Test func unknownTermIsAReadableError() throws {
        setenv("TERM", "no-such-term", 1)
        defer { setenv("TERM", "xterm-256color", 1) }
        let out = try #require(fopen("/dev/null", "w"))
        defer { fclose(out) }
        do {
            _ = try CursesScreen(theme: .default, forceMono: false, input: out, output: out)
            Issue.record("newterm accepted an unknown TERM")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("TERM='no-such-term'") && text.contains("xterm-256color") && text.contains("ncurses-term"))
        }
    }

    @Test func onlyOneScreenAtATimeAndShutdownIsIdempotent() throws {
        try withScreen { screen in
            let out = try #require(fopen("/dev/null", "w"))
            defer { fclose(out) }
            #expect(throws: TerminalError.self) {
                _ = try CursesScreen(theme: .default, forceMono: false, input: out, output: out)
            }
            screen.shutdown()
            screen.shutdown()
            #expect(screen.readKey(timeoutMs: 0) == nil)
            screen.present(ScreenBuffer(width: 5, height: 5))   // after shutdown: ignored
        }
    }

    @Test func signalRestoresTerminalRunsHookAndChainsToThePreviousHandler() throws {
        signal(SIGUSR1) { _ in previousHandlerRuns.add(1, ordering: .sequentiallyConsistent) }
        try withScreen { _ in
            TerminalGuard.install(signals: [SIGUSR1], terminating: true)
            TerminalGuard.setTerminateHook { sig in hookSignal.store(sig, ordering: .sequentiallyConsistent) }
            defer { TerminalGuard.setTerminateHook(nil) }
            TerminalGuard.resetForTesting()
            let restoresBefore = restoreCount.load(ordering: .sequentiallyConsistent)
            // The test runner blocks SIGUSR1 on its threads; let it through for this test.
            var usr1 = sigset_t(), saved = sigset_t()
            sigemptyset(&usr1)
            sigaddset(&usr1, SIGUSR1)
            pthread_sigmask(SIG_UNBLOCK, &usr1, &saved)
            raise(SIGUSR1)
            pthread_sigmask(SIG_SETMASK, &saved, nil)
            #expect(hookSignal.load(ordering: .sequentiallyConsistent) == SIGUSR1)
            #expect(restoreCount.load(ordering: .sequentiallyConsistent) == restoresBefore + 1)
            #expect(previousHandlerRuns.load(ordering: .sequentiallyConsistent) == 1)
            TerminalGuard.restoreTerminal()              // already restored: no second restore
            #expect(restoreCount.load(ordering: .sequentiallyConsistent) == restoresBefore + 1)
            TerminalGuard.resetForTesting()
        }
        signal(SIGUSR1, nil)
    }

    @Test func paddingIsStrippedFromTerminfoStrings() {
        #expect(CursesScreen.withoutPadding(Array("\u{1B}[?1049l$<5>\u{1B}[0m$<2*/>".utf8)) == Array("\u{1B}[?1049l\u{1B}[0m".utf8))
    }
}

private let hookSignal = Atomic<Int32>(0)
private let previousHandlerRuns = Atomic<Int>(0)
