// Recovery files in the editor (the model side is BlueprintKit/IO/Recovery*.swift).
//
// - While the document has unsaved edits, the `RecoveryWriter` holds a snapshot of
//   it, so SIGHUP/SIGTERM can write it next to the file. The snapshot is refreshed
//   from `commit` (every edit, undo and redo), only when the session's generation
//   changed; when the document is unmodified again the writer holds nothing.
// - On open, a recovery file left by an earlier session is offered with one key:
//   (r)ecover, (d)iff, (x) discard, (q)uit and decide later.
// - Recovering is one undoable edit on top of the file as it is on disk: the
//   document shows as modified, `z` goes back to the file's bytes, saving writes
//   the recovered edits (and removes the recovery file).
// - The recovery file is removed after a successful save, on a clean quit, and by
//   (x); it is kept when the question was left unanswered ((q)uit, or a recovery
//   that failed), so the next open asks again.
import BlueprintKit

extension Editor {
    /// Creates the recovery writer for the current file (nil path: the built-in demo).
    public func enableRecovery() {
        recoveryWriter = RecoveryWriter(for: path, stamp: stamp)
        recoveryGeneration = nil
        syncRecovery()
    }

    /// Keeps the writer's snapshot equal to the unsaved document (called after each change).
    func syncRecovery() {
        guard let w = recoveryWriter else { return }
        if session.isModified {
            guard recoveryGeneration != session.generation else { return }
            w.update(document: session.document.bytes.array)
            recoveryGeneration = session.generation
        } else if recoveryGeneration != nil {
            w.clear()
            recoveryGeneration = nil
        }
    }

    /// On a clean quit: nothing unsaved is kept, and the recovery file goes — unless its
    /// question was never answered.
    public func finishRecovery() {
        guard let w = recoveryWriter else { return }
        if pendingRecovery != nil { w.clear() } else { w.finish() }
        recoveryGeneration = nil
    }

    /// Asks what to do with a recovery file found when opening. A file holding exactly
    /// the document on disk is removed without asking.
    public func offerRecovery(_ file: RecoveryFile) {
        let bytes: [UInt8]
        do { bytes = try file.load() } catch {
            pendingRecovery = file
            setMessage("found a recovery file that cannot be used (\(error.message)); it was left at \(file.path)", error: true)
            return
        }
        if bytes == session.document.bytes.array {
            file.discard()
            setMessage("removed a recovery file identical to \(displayName)")
            return
        }
        pendingRecovery = file
        confirm = .recover(when: recoveryTime(file), file: Editor.fileName(file.path),
                           fileChanged: file.originalUnchanged() == false)
    }

    func recoveryTime(_ file: RecoveryFile) -> String {
        FileStamp(size: 0, mtimeSec: file.header.time, mtimeNsec: 0, hash: 0).mtimeText
    }

    func handleRecoverKey(_ ch: Character?, _ key: Key) {
        switch ch {
        case "r": recoverPending()
        case "d": showRecoveryDiff()
        case "x":
            confirm = nil
            if let f = pendingRecovery { f.discard(); setMessage("discarded the recovery file \(Editor.fileName(f.path))") }
            pendingRecovery = nil
        case "q":
            confirm = nil
            wantsQuit = true
        default:
            if key == .escape { confirm = nil; wantsQuit = true }
        }
    }

    /// Loads the recovered document as one undoable edit of the file's bytes.
    @discardableResult
    public func recoverPending() -> Bool {
        guard let file = pendingRecovery else { return false }
        confirm = nil
        func fail(_ why: String) -> Bool {
            setMessage("cannot recover: \(why); the recovery file was left at \(file.path)", error: true)
            return false
        }
        let recovered: [UInt8]
        do { recovered = try file.load() } catch { return fail(error.message) }
        do { _ = try Blueprint(bytes: recovered) } catch {
            return fail("the recovered document does not load (line \(error.line), column \(error.column): \(error.message))")
        }
        let current = session.document.bytes.array
        // One splice covering what differs: the undo step is small and restores the file.
        let common = min(current.count, recovered.count)
        var prefix = 0
        while prefix < common && current[prefix] == recovered[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < common - prefix && current[current.count - 1 - suffix] == recovered[recovered.count - 1 - suffix] { suffix += 1 }
        let splice = Splice(prefix..<(current.count - suffix), Array(recovered[prefix..<(recovered.count - suffix)]))
        var s = session
        do {
            try s.perform("recover unsaved edits from \(recoveryTime(file))") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(splice)
            }
        } catch { return fail("\(error)") }
        pendingRecovery = nil
        commit(s)
        setMessage("recovered the unsaved edits: w saves them, z goes back to the file as it is on disk")
        return true
    }

    /// The recovery file against the file on disk, in the diff screen; closing it asks again.
    func showRecoveryDiff() {
        guard let file = pendingRecovery else { return }
        let recovered: [UInt8]
        do { recovered = try file.load() } catch { setMessage("cannot read the recovery file: \(error.message)", error: true); return }
        showDiffFromQuestion(title: "recovery file vs \(displayName) (q returns to the question)",
                             old: session.document.bytes.array, new: recovered,
                             oldName: "a/\(displayName) (file on disk)", newName: "b/\(displayName) (recovered)")
    }

    /// Shows a diff for the open question; the question is asked again when the diff closes.
    func showDiffFromQuestion(title: String, old: [UInt8], new: [UInt8], oldName: String, newName: String) {
        let d = UnifiedDiff.diff(old: old, new: new, oldName: oldName, newName: newName)
        var lines = d.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.isEmpty { lines = ["(no differences)"] }
        resumeConfirm = confirm
        confirm = nil
        screen = .diff(title: title, lines: lines)
        screenScroll = 0
    }

    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Leaves the help or diff screen; a question a diff was opened from comes back.
    func closeScreen() {
        screen = .main
        screenScroll = 0
        helpOverPicker = false
        if let c = resumeConfirm {
            confirm = c
            resumeConfirm = nil
        }
    }
}
