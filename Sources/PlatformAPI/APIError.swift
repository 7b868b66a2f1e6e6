// What can go wrong talking to Fusion or Make, with messages that name the request
// but never a secret (`Secrets.redact` runs over every message that leaves PlatformAPI).
import BlueprintKit

public enum APIError: Error, Sendable, CustomStringConvertible {
    /// The HTTP facility is missing (no `curl` on PATH): says what to install.
    case unavailable(String)
    /// The request did not get an answer: DNS, connect, TLS verification, timeout.
    case transport(String)
    /// The server answered with an error status; `message` is taken from its error document.
    case http(status: Int, message: String, request: String)
    /// The server answered 2xx with something that is not what the documents describe.
    case badResponse(String)
    /// Bad configuration: a missing credential, an invalid `--api` origin.
    case configuration(String)

    public var description: String {
        switch self {
        case .unavailable(let m), .transport(let m), .badResponse(let m), .configuration(let m): return m
        case .http(let status, let message, let request): return "\(request): HTTP \(status)\(message.isEmpty ? "" : ": " + message)"
        }
    }

    /// The sysexits code a command exits with for this error.
    public var exitCode: Int32 {
        switch self {
        case .unavailable, .transport: return 69          // EX_UNAVAILABLE
        case .badResponse: return 76                      // EX_PROTOCOL
        case .configuration: return 78                    // EX_CONFIG
        case .http(let status, _, _): return status == 401 || status == 403 ? 77 : 69   // EX_NOPERM / EX_UNAVAILABLE
        }
    }

    func redacted(_ secrets: Secrets) -> APIError {
        switch self {
        case .unavailable(let m): return .unavailable(secrets.redact(m))
        case .transport(let m): return .transport(secrets.redact(m))
        case .badResponse(let m): return .badResponse(secrets.redact(m))
        case .configuration(let m): return .configuration(secrets.redact(m))
        case .http(let s, let m, let r): return .http(status: s, message: secrets.redact(m), request: secrets.redact(r))
        }
    }
}

/// The secrets of one session (tokens, client secret). Every error message is passed through
/// `redact` so that a server echoing a header back cannot put a token on the terminal.
public struct Secrets: Sendable {
    public private(set) var values: [String] = []
    public init(_ values: [String] = []) { for v in values { add(v) } }
    public mutating func add(_ v: String) { if v.count >= 4 && !values.contains(v) { values.append(v) } }
    public func redact(_ s: String) -> String {
        var out = s
        for v in values where out.contains(v) { out = out.replacingAll(v, with: "[redacted]") }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]; out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of needle: String) -> Range<Substring.Index>? {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return nil }
        let u = self.utf8
        var i = u.startIndex
        while i != u.endIndex {
            var j = i, k = 0
            while k < n.count, j != u.endIndex, u[j] == n[k] { j = u.index(after: j); k += 1 }
            if k == n.count { return i..<j }
            i = u.index(after: i)
        }
        return nil
    }
}

/// The message of an error document, in the shapes the documents describe:
/// - Fusion gateway: `{"error_code": "403000", "message": "Api Key is required"}`
///   (AdobeDocs/workfront-fusion-apis src/pages/getting-started/api_headers/index.md, "Common Error Responses");
/// - Fusion RFC 7807: `{"type", "status", "title", "report": {"request-id", "errors"}}`
///   (same repository, src/pages/getting-started/usage_notes/index.md, "Error Structure");
/// - Make: `{"detail": "Access denied.", "message": "Permission denied", "code": "SC403"}`
///   (https://developers.make.com/api-documentation/troubleshooting/http-status-codes);
/// - Adobe IMS: `{"error": "invalid_client", "error_description": "..."}`.
public func errorMessage(from body: [UInt8]) -> String {
    guard let doc = try? JSONDocument(bytes: body), doc.kind(doc.root) == .object else {
        let t = String(decoding: body.prefix(200), as: UTF8.self).trimmingWhitespace()
        return t.contains("<") ? "" : t
    }
    let v = doc.value(doc.root)
    func s(_ k: String) -> String? {
        guard let x = v[k] else { return nil }
        return x.stringValue ?? (x.kind == .number ? x.compactText : nil)
    }
    var parts: [String] = []
    if let code = s("error_code"), let m = s("message") { parts.append("\(m) (error_code \(code))") }
    else if let title = s("title") {
        parts.append(title)
        if let errs = v["report"]?["errors"]?.arrayValue, !errs.isEmpty {
            parts.append("(" + errs.map { $0.stringValue ?? $0.compactText }.joined(separator: "; ") + ")")
        }
    } else if let m = s("message") {
        var t = m
        if let d = s("detail"), d != m { t += ": \(d)" }
        if let c = s("code") { t += " (\(c))" }
        parts.append(t)
    } else if let e = s("error") {
        parts.append(e + (s("error_description").map { ": \($0)" } ?? ""))
    } else if let d = s("detail") { parts.append(d) }
    return parts.joined(separator: " ")
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\r" || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\r" || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
