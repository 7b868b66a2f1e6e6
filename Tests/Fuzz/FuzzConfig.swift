// libFuzzer harness for the "config" target; the body is EditorFuzzTargets.config (Tests/EditorUITests/EditorFuzzTargets.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzRun(EditorFuzzTargets.config, data, size)
}
