// Saving, and the pending-changes diff.
import BlueprintKit

extension Editor {
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

    @discardableResult
    public func save(to target: String) -> Bool {
        do {
            try SafeSave.write(session.document.bytes, to: target)
        } catch {
            setMessage("not saved: \(error) — your edits are kept; W saves elsewhere", error: true)
            return false
        }
        var s = session
        s.markSaved()
        session = s
        path = target
        baseline = session.document.bytes
        setMessage("saved \(target) (\(session.document.bytes.count) bytes)")
        return true
    }

    /// The bytes on disk for the diff: the file as it is now, or empty for the demo.
    func diskBytes() -> [UInt8]? {
        guard let path else { return nil }
        return try? FileIO.read(path)
    }

    func showDiff() {
        let old = diskBytes() ?? baseline
        let name = path ?? displayName
        let d = UnifiedDiff.diff(old: old, new: session.document.bytes, oldName: "a/\(name)", newName: "b/\(name)")
        if d.isEmpty { setMessage("no pending changes: the file on disk is identical"); return }
        var lines = d.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        screen = .diff(title: "pending changes: \(name)", lines: lines)
        screenScroll = 0
    }
}
