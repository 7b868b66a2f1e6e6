// `scened snapshot`: the frame the editor would show after a key sequence,
// rendered through the same code path as the live editor.

public enum Snapshot {
    /// Feeds `keys` to the editor (stopping if it quits) and renders one frame.
    public static func render(_ e: Editor, keys: [Key], width: Int, height: Int) -> ScreenBuffer {
        // Render once first so paging knows the viewport, as the live loop does.
        _ = EditorView.render(e, width: width, height: height)
        for k in keys {
            if !e.handle(k) { break }
            _ = EditorView.render(e, width: width, height: height)
        }
        return EditorView.render(e, width: width, height: height)
    }
}

extension Snapshot {
    /// The same for a workspace (`scened snapshot DIR`).
    public static func render(_ w: Workspace, keys: [Key], width: Int, height: Int) -> ScreenBuffer {
        _ = WorkspaceView.render(w, width: width, height: height)
        for k in keys {
            if !w.handle(k) { break }
            _ = WorkspaceView.render(w, width: width, height: height)
        }
        return WorkspaceView.render(w, width: width, height: height)
    }
}
