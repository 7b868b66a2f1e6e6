// IML references in a piece of text being edited (not yet in the document), found
// by the same scanner the blueprint model uses, and checked against the modules
// of a blueprint: a missing module id is an error; a field that the target's
// declared outputs (`metadata.interface`) do not list is a warning.

/// One `{{id.field}}` reference found in a text.
public struct TextReference: Sendable, Equatable {
    public var targetId: Int
    /// The first path segment after `ID.` (backticks removed).
    public var field: String
    /// `5.data` or ``5.`Approval Status` `` as written.
    public var text: String
}

/// Why a reference does not resolve.
public enum ReferenceProblem: Sendable, Equatable {
    /// No module has the id.
    case noModule
    /// The module exists and declares its outputs, but not this field.
    case unknownField(moduleName: String)
}

extension Reference {
    /// The references in `text`, as the model would find them once the text is stored
    /// in a module's mapper.
    public static func scan(text: String) -> [TextReference] {
        guard text.contains("{{") else { return [] }
        let json = "{\"mapper\":{\"v\":" + JSONWriter.quoted(text) + "}}"
        guard let doc = try? JSONDocument(text: json) else { return [] }
        let probe = Module(index: 0, node: doc.root, path: [], depth: 0, container: .main, parentIndex: nil, id: nil,
                           moduleName: "", version: nil, label: nil, filterName: nil, hasFilter: false, accounts: [],
                           hasErrorHandler: false)
        var refs: [Reference] = []
        ReferenceScanner.scan(module: probe, in: doc, ids: [:], into: &refs)
        return refs.map { TextReference(targetId: $0.targetId, field: $0.field, text: $0.text) }
    }
}

extension Blueprint {
    /// Why `r` does not resolve in this scenario, or nil when it does.
    public func problem(with r: TextReference) -> ReferenceProblem? {
        guard let m = module(id: r.targetId) else { return .noModule }
        // Special outputs (__IMTINDEX__, __IMTLENGTH__, ...) are not always declared.
        if r.field.hasPrefix("__") { return nil }
        let doc = document
        guard let md = doc.member(m.node, "metadata"), let iface = doc.member(md, "interface"),
              doc.kind(iface) == .array, doc.node(iface).count > 0 else { return nil }
        for d in doc.children(iface) where doc.kind(d) == .object && doc.string(d, "name") == r.field { return nil }
        return .unknownField(moduleName: m.label ?? m.moduleName)
    }
}
