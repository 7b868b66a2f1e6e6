// libFuzzer harness for the "catalog" target; the body is FuzzTargets.catalog (Tests/BlueprintKitTests/FuzzTargets.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    fuzzRun(FuzzTargets.catalog, data, size)
}
