// libFuzzer harness for the "recovery" target; the body is FuzzTargets.recovery (Tests/BlueprintKitTests/FuzzTargets.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecovery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzRun(FuzzTargets.recovery, data, size)
}
