// libFuzzer harness for the "theme" target; the body is EditorFuzzTargets.theme (Tests/EditorUITests/EditorFuzzTargets.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzRun(EditorFuzzTargets.theme, data, size)
}
