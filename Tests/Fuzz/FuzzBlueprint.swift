// libFuzzer target "blueprint": parse → Blueprint (modules, accounts, IML
// references) → a small edit and its undo. Nothing may crash; every reference
// range must lie inside the document; undo must give back the exact bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBlueprint(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let bp = try? Blueprint(bytes: bytes) else { return 0 }
    let doc = bp.document
    for m in bp.modules {
        fuzzCheck(m.node >= 0 && m.node < doc.nodes.count)
        _ = m.path.description
        if let id = m.id { fuzzCheck(bp.module(id: id) != nil) }
        for a in m.accounts { _ = a.value; _ = a.label }
    }
    for r in bp.references {
        fuzzCheck(r.range.lowerBound >= 0 && r.range.upperBound <= bytes.count, "reference outside the document")
        fuzzCheck(r.fieldRange.lowerBound >= r.range.lowerBound && r.fieldRange.upperBound <= r.range.upperBound)
        _ = r.text
        _ = bp.references(to: r.targetId)
    }
    _ = bp.danglingReferences
    // Edit the first module (rename it, drop its first member), then undo.
    var session = EditSession(document: doc)
    if let first = bp.modules.first {
        _ = try? session.perform("fuzz") { (ed: inout JSONEditor) throws(JSONEditError) in
            try ed.apply(try ed.document.setMember(first.node, "module", .string("fuzz:Edited\u{1F600}\"\\")))
        }
        var members = session.document.children(first.node).makeIterator()
        if let c = members.next() {
            _ = try? session.perform("fuzz2") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(ed.document.remove(c))
            }
        }
        while session.undo() != nil {}
        fuzzCheck(session.document.bytes == bytes, "undo did not restore the bytes")
    }
    return 0
}
