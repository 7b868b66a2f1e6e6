// `scened snapshot`: the frame the editor would show after a key sequence,
// rendered through the same code path as the live editor.

public enum Snapshot {
    /// Feeds `keys` to the editor (stopping if it quits) and renders one frame.
    public static func render(_ e: Editor, keys: [Key], width: Int, height: Int) -> ScreenBuffer {
        render(keys: keys, width: width, height: height, frame: { EditorView.render(e, width: $0, height: $1) }, handle: { e.handle($0) })
    }

    /// The same for a workspace (`scened snapshot DIR`).
    public static func render(_ w: Workspace, keys: [Key], width: Int, height: Int) -> ScreenBuffer {
        render(keys: keys, width: width, height: height, frame: { WorkspaceView.render(w, width: $0, height: $1) }, handle: { w.handle($0) })
    }

    static func render(keys: [Key], width: Int, height: Int, frame: (Int, Int) -> ScreenBuffer, handle: (Key) -> Bool) -> ScreenBuffer {
        // Render once first so paging knows the viewport, as the live loop does.
        _ = frame(width, height)
        for k in keys {
            if !handle(k) { break }
            _ = frame(width, height)
        }
        return frame(width, height)
    }
}
