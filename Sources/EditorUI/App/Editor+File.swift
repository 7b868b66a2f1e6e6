// Saving, the pending-changes diff, and the external-change question.
//
// Saving to the file that was opened passes the stamp taken when it was read (or
// last saved): if someone changed the file since, nothing is written and the
// editor asks (o)verwrite / (d)iff / (c)ancel. Any failure (read-only, disk full,
// file too large, I/O error) leaves the file as it was, keeps every edit, and says
// what happened; `W` saves elsewhere.
import BlueprintKit
#if canImport(Glibc)
import Glibc
#endif

extension Editor {
    /// `12.3 MB`.
    static func megabytes(_ n: Int) -> String { "\(Double(n / 100_000) / 10) MB" }

    /// Saves to the current path (asks for one for the demo). Returns true when written.
    @discardableResult
    public func save() -> Bool {
        guard let path else {
            prompt = Prompt(kind: .saveAs, text: "")
            setMessage("the demo scenario has no file yet: type a path and press Enter")
            return false
        }
        return save(to: path)
    }

    /// Saves to `target`. Over the opened file, refuses (and asks) when it changed on disk
    /// since it was read, unless `force`.
    @discardableResult
    public func save(to target: String, force: Bool = false) -> Bool {
        if let why = savesDisabledReason {
            quitAfterSave = false
            setMessage("not saved: \(why)", error: true)
            return false
        }
        let sameFile = path.map { Recovery.absoluteTarget($0) == Recovery.absoluteTarget(target) } ?? false
        // "save as" over another file that exists (a typo, a colleague's scenario): ask first
        if !sameFile && !force && Editor.isExistingRegularFile(target) {
            pendingSaveTarget = target
            confirm = .overwriteOther(name: target)
            return false
        }
        if session.document.bytes.count >= Editor.announceAbove {
            announce("saving \(target) (\(Editor.megabytes(session.document.bytes.count)))…")
        }
        let bytes = session.document.bytes.array
        let written: FileStamp
        var warning: FileError?
        do {
            written = try SafeSave.write(bytes, to: target, options: saveOptions, expecting: sameFile && !force ? stamp : nil)
        } catch {
            switch error {
            case .externalChange(let c):
                pendingSaveTarget = target
                confirm = .externalChange(whatChanged: c.whatChanged)
                return false
            case .io(let e):
                quitAfterSave = false
                setMessage("not saved: \(e) — the file is unchanged and your edits are kept; W saves elsewhere", error: true)
                return false
            case .notDurable(let e, let stamp):
                written = stamp
                warning = e
            }
        }
        var s = session
        s.markSaved()
        session = s
        path = target
        if !sameFile { displayName = Editor.fileName(target) }   // the title names the file now edited
        stamp = written
        baseline = bytes
        // The recovery file belongs to the file saved to; the edits are on disk now.
        if let w = recoveryWriter {
            if sameFile { w.saved(stamp: written) } else { w.finish(); recoveryWriter = RecoveryWriter(for: target, stamp: written) }
        }
        recoveryGeneration = nil
        if let warning {
            quitAfterSave = false   // stay: the person should see this
            setMessage("\(warning) — check the disk", error: true)
            return false
        }
        setMessage("saved \(target) (\(bytes.count) bytes)")
        return true
    }

    func handleExternalChangeKey(_ ch: Character?, _ key: Key) {
        guard let target = pendingSaveTarget else { confirm = nil; return }
        switch ch {
        case "o", "y":
            confirm = nil
            pendingSaveTarget = nil
            let quit = quitAfterSave
            quitAfterSave = false
            if save(to: target, force: true) && quit { wantsQuit = true }
        case "d":
            let disk = (try? FileIO.read(target)) ?? []
            let name = Editor.fileName(target)
            showDiffFromQuestion(title: "\(name) on disk vs your edits (q returns to the question)",
                                 old: disk, new: session.document.bytes.array,
                                 oldName: "a/\(name) (on disk now)", newName: "b/\(name) (your edits)")
        case "c", "n":
            cancelExternalChange()
        default:
            if key == .escape { cancelExternalChange() }
        }
    }

    func handleOverwriteOtherKey(_ ch: Character?, _ key: Key) {
        guard let target = pendingSaveTarget else { confirm = nil; return }
        if ch == "y" || ch == "o" {
            confirm = nil
            pendingSaveTarget = nil
            let quit = quitAfterSave
            quitAfterSave = false
            if save(to: target, force: true) && quit { wantsQuit = true }
        } else if ch == "n" || ch == "c" || ch == "q" || key == .escape {
            confirm = nil
            pendingSaveTarget = nil
            quitAfterSave = false
            setMessage("not saved: \(target) was left as it is; your edits are kept")
        }
    }

    /// A regular file (through symlinks) is at `path`; devices and FIFOs such as
    /// /dev/stdout are written to without asking.
    static func isExistingRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    private func cancelExternalChange() {
        confirm = nil
        pendingSaveTarget = nil
        quitAfterSave = false
        setMessage("not saved: the file on disk was left as it is; your edits are kept (W saves elsewhere)")
    }

    /// The bytes on disk for the diff: the file as it is now, or empty for the demo.
    func diskBytes() -> [UInt8]? {
        guard let path else { return nil }
        return try? FileIO.read(path)
    }

    func showDiff() {
        let old = diskBytes() ?? baseline
        let name = path ?? displayName
        let d = UnifiedDiff.diff(old: old, new: session.document.bytes.array, oldName: "a/\(name)", newName: "b/\(name)")
        if d.isEmpty { setMessage("no pending changes: the file on disk is identical"); return }
        var lines = d.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        screen = .diff(title: "pending changes: \(name)", lines: lines)
        screenScroll = 0
    }
}
