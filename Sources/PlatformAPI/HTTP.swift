// Requests and responses as PlatformAPI sees them, and the one seam to the network
// (`HTTPTransport`). The real transport is `CurlTransport`; tests may pass their own.
import BlueprintKit

public struct HTTPRequest: Sendable {
    public enum Body: Sendable {
        case none
        /// Raw bytes with their content type (a JSON document).
        case bytes([UInt8], contentType: String)
        /// `application/x-www-form-urlencoded` fields. These may hold secrets (the IMS client
        /// secret), so the transport must never put them on a command line or in a file.
        case form([(String, String)])
    }
    public var method: String
    /// The whole URL, `scheme://host[:port]/path?query`. Never holds a secret.
    public var url: String
    /// Header names and values; values may be secrets (Authorization).
    public var headers: [(String, String)]
    public var body: Body

    public init(method: String, url: String, headers: [(String, String)] = [], body: Body = .none) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case, in the order received.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status; self.headers = headers; self.body = body
    }

    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.last(where: { $0.0 == n })?.1
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws(APIError) -> HTTPResponse
}

/// Percent-encodes a query component (RFC 3986 unreserved characters stay as they are).
public func percentEncode(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.unicodeScalars.append(UnicodeScalar(b))
        default:
            let hex = Array("0123456789ABCDEF")
            out.append("%"); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
        }
    }
    return out
}

/// `a=1&b=2` from pairs, each side percent-encoded.
public func queryString(_ items: [(String, String)]) -> String {
    items.map { percentEncode($0.0) + "=" + percentEncode($0.1) }.joined(separator: "&")
}
