// Where requests go: `https://eu1.make.com`, `https://fusion.adobe.io`, or `--api ORIGIN`.
// Plain http is accepted only for loopback addresses (tests, a local proxy); https is always
// verified by the transport.

public struct APIOrigin: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    public var description: String { "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")" }

    /// Parses `scheme://host[:port]` (a trailing `/` is allowed; a path, query, user or fragment is not).
    public init(parsing text: String) throws(APIError) {
        func bad(_ why: String) -> APIError { .configuration("--api \(text): \(why)") }
        guard let sep = Substring(text).range(of: "://") else { throw bad("expected scheme://host[:port], e.g. https://eu1.make.com") }
        let scheme = text[..<sep.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { throw bad("the scheme must be https (or http for a loopback address)") }
        var rest = String(text[sep.upperBound...])
        if rest.hasSuffix("/") { rest.removeLast() }
        guard !rest.isEmpty else { throw bad("no host") }
        guard !rest.contains("/") && !rest.contains("?") && !rest.contains("#") && !rest.contains("@") else {
            throw bad("give only scheme, host and port; the /api/v2 or /api/v3 paths are added")
        }
        var host = rest, port: Int? = nil
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw bad("unclosed [ in the host") }
            host = String(rest[...close])
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else { throw bad("bad port") }
                port = p
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let p = Int(rest[rest.index(after: colon)...]) else { throw bad("bad port") }
            port = p
        }
        if let p = port, !(1...65535).contains(p) { throw bad("the port must be 1-65535") }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "." || c == "-" || c == ":" || c == "[" || c == "]"
        }) else { throw bad("bad host name") }
        self.scheme = scheme; self.host = host.lowercased(); self.port = port
        if scheme == "http" && !isLoopback {
            throw bad("plain http is accepted only for loopback addresses (127.0.0.1, ::1, localhost); use https")
        }
    }

    public init(https host: String) { scheme = "https"; self.host = host; port = nil }

    public var isLoopback: Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { p in Int(p).map { (0...255).contains($0) } ?? false }
    }

    /// Origin + path (+ query).
    public func url(_ path: String, _ query: [(String, String)] = []) -> String {
        description + path + (query.isEmpty ? "" : "?" + queryString(query))
    }
}

/// A Make zone host as `--zone` takes it (`eu1.make.com`, `us2.make.celonis.com`).
public func makeZoneOrigin(_ zone: String) throws(APIError) -> APIOrigin {
    var z = zone.lowercased()
    if z.hasPrefix("https://") { z.removeFirst(8) }
    if z.hasSuffix("/") { z.removeLast() }
    let ok = !z.isEmpty && z.contains(".") && z.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "." || $0 == "-" }
    guard ok else { throw .configuration("--zone \(zone): expected a zone host such as eu1.make.com, eu2.make.com, us1.make.com, us2.make.com") }
    return APIOrigin(https: z)
}
