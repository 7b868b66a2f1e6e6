// libFuzzer target "recovery": reading a recovery file's header (the file is on
// disk between two editor runs, so it may be cut short or damaged).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecovery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let parsed = try? Recovery.parse(bytes, path: "fuzz") else { return 0 }
    fuzzCheck(parsed.bodyOffset <= bytes.count && bytes.count - parsed.bodyOffset == parsed.header.length)
    // A header written back reads back the same.
    let again = parsed.header.line + Array(bytes[parsed.bodyOffset...])
    guard let p2 = try? Recovery.parse(again, path: "fuzz") else { fuzzFail("rewritten header does not parse") }
    fuzzCheck(p2.header == parsed.header, "header round trip changed it")
    return 0
}
