// Handing the terminal to another full-screen program (the person's $EDITOR for
// the `E` key) and taking it back: endwin() before, a full repaint after.
import CNcursesW

extension CursesScreen {
    /// Leaves curses mode while `body` runs, then repaints everything on the next `present`.
    public func runOutsideCurses<T>(_ body: () -> T) -> T {
        endwin()
        let result = body()
        forceRedraw()
        return result
    }
}
