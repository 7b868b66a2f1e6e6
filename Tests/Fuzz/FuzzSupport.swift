// Shared by every fuzz target (compiled into each one by run.sh).
#if canImport(Glibc)
import Glibc
#endif

/// Like precondition, but prints the message in -O builds too, then aborts so
/// libFuzzer records the input as a crash.
func fuzzCheck(_ ok: Bool, _ message: @autoclosure () -> String = "", line: UInt = #line) {
    if ok { return }
    let text = "fuzz invariant failed (line \(line)): \(message())\n"
    FileIO.writeStderr(text)
    abort()
}

func fuzzFail(_ message: String, line: UInt = #line) -> Never {
    fuzzCheck(false, message, line: line)
    fatalError()
}
