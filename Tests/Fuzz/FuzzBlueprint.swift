// libFuzzer harness for the "blueprint" target; the body is FuzzTargets.blueprint (Tests/BlueprintKitTests/FuzzTargets.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBlueprint(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzRun(FuzzTargets.blueprint, data, size)
}
