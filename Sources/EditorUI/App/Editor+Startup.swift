// Problems found while starting (config and theme files) are shown once, in the
// status line of the first frame; the full list went to stderr before curses started.

extension Editor {
    /// Shows the first warning in the status line, with a count of the rest.
    public func showStartupWarnings(_ warnings: [String]) {
        guard let first = warnings.first else { return }
        let more = warnings.count > 1 ? " (+\(warnings.count - 1) more, listed on stderr; see them after quitting)" : ""
        setMessage(first + more, error: true)
    }
}
