// libFuzzer harness for the "json" target; the body is FuzzTargets.json (Tests/BlueprintKitTests/FuzzTargets.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzRun(FuzzTargets.json, data, size)
}
