// libFuzzer target "json": the lossless JSON parser and document.
// Any input must either parse or give an error with a valid position; a parsed
// document must write back byte for byte, and its value must survive a
// render → reparse round trip in both Make and compact layout.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let doc: JSONDocument
    do { doc = try JSONDocument(bytes: bytes) } catch {
        fuzzCheck(error.offset >= 0 && error.offset <= bytes.count, "error offset out of range")
        fuzzCheck(error.line >= 1 && error.column >= 1, "error position not 1-based")
        return 0
    }
    fuzzCheck(doc.bytes == bytes)
    let value = doc.value(doc.root)
    for style in [JSONStyle.make, JSONStyle.compact, doc.style] {
        let text = JSONWriter.render(value, style: style)
        guard let again = try? JSONDocument(text: text) else { fuzzFail("rendered JSON does not parse: \(text.prefix(200))") }
        fuzzCheck(again.value(again.root) == value, "round trip changed the value")
    }
    // Paths: the path of a node leads back to it, unless a duplicate key on the way
    // makes it lead to the first duplicate (bounded work per input).
    var i = 0
    while i < doc.nodes.count && i < 64 {
        var unique = true
        var cur = i
        while doc.nodes[cur].parent >= 0 {
            let p = doc.nodes[cur].parent
            if doc.kind(p) == .object, let k = doc.key(cur), doc.members(p, k).count != 1 { unique = false }
            cur = p
        }
        if unique { fuzzCheck(doc.node(at: doc.path(of: i)) == i, "path \(doc.path(of: i)) does not lead to node \(i)") }
        i += 1
    }
    return 0
}
