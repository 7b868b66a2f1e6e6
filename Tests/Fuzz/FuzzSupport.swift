// Shared by every fuzz harness (compiled into each one by run.sh).
#if canImport(Glibc)
import Glibc
#endif
#if FUZZ_EDITORUI  // the EditorUI targets link BlueprintKit as a module of its own
import BlueprintKit
#endif

/// Runs a target body; a reported failure aborts, so libFuzzer records the input as a crash.
func fuzzRun(_ body: ([UInt8]) -> String?, _ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if let failure = body(Array(UnsafeBufferPointer(start: data, count: size))) {
        FileIO.writeStderr("fuzz invariant failed: \(failure)\n")
        abort()
    }
    return 0
}
