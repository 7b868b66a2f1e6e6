// PlatformAPI without a server: origins, hashes, curl's command line and config, answers,
// error documents, retry waits.
import Testing
import BlueprintKit
@testable import PlatformAPI

@Suite struct APIOriginTests {
    @Test(arguments: ["http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:5000", "https://eu1.make.com", "https://fusion.adobe.io/"])
    func accepted(_ s: String) throws {
        let o = try APIOrigin(parsing: s)
        #expect(o.description == (s.hasSuffix("/") ? String(s.dropLast()) : s))
    }

    @Test func plainHTTPOnlyForLoopback() {
        for s in ["http://example.com", "http://10.0.0.1:80", "http://127.0.0.1.example.com"] {
            #expect(throws: APIError.self) { try APIOrigin(parsing: s) }
            #expect((try? APIOrigin(parsing: s)) == nil)
        }
        do { _ = try APIOrigin(parsing: "http://example.com"); Issue.record("accepted") } catch {
            #expect(error.description.contains("plain http is accepted only for loopback addresses"))
        }
    }

    @Test(arguments: ["ftp://127.0.0.1", "https://eu1.make.com/api/v2", "eu1.make.com", "https://user@host", "https://h:0", "https://h:x"])
    func refused(_ s: String) {
        #expect((try? APIOrigin(parsing: s)) == nil)
    }

    @Test func zones() throws {
        #expect(try makeZoneOrigin("us2.make.com").description == "https://us2.make.com")
        #expect(try makeZoneOrigin("eu1.make.celonis.com").url("/api/v2/scenarios", [("pg[offset]", "0")])
                == "https://eu1.make.celonis.com/api/v2/scenarios?pg%5Boffset%5D=0")
        #expect((try? makeZoneOrigin("eu1 make com")) == nil)
    }
}

@Suite struct HashAndSlugTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func slugs() {
        #expect(slug("Order sync → ERP (v2)") == "order-sync-erp-v2")
        #expect(slug("日本語") == "scenario")
        #expect(slug(String(repeating: "ab ", count: 50)).count <= 60)
    }
}

@Suite struct CurlTransportTests {
    let request = HTTPRequest(method: "PATCH", url: "https://eu1.make.com/api/v2/scenarios/1",
                              headers: [("Authorization", "Token \(makeToken)")], body: .bytes(Array("{}".utf8), contentType: "application/json"))

    @Test func secretsGoToTheConfigNotTheCommandLine() throws {
        let t = CurlTransport(path: "/usr/bin/curl")!
        let args = t.arguments
        #expect(!args.joined(separator: " ").contains(makeToken))
        #expect(!args.joined(separator: " ").contains("eu1.make.com"))
        #expect(args.contains("-q") && args.contains("-K") && !args.contains("-k") && !args.contains("--insecure") && !args.contains("-L"))
        let config = try CurlTransport.config(for: request)
        #expect(config.contains("header = \"Authorization: Token \(makeToken)\""))
        #expect(config.contains("data-binary = \"@/dev/fd/3\""))
        #expect(config.contains("request = \"PATCH\""))
    }

    @Test func configQuotesAndRefusesLineBreaks() throws {
        let r = HTTPRequest(method: "GET", url: "https://h/x", headers: [("X-A", "a\"b\\c")])
        #expect(try CurlTransport.config(for: r).contains("header = \"X-A: a\\\"b\\\\c\""))
        let bad = HTTPRequest(method: "GET", url: "https://h/x", headers: [("Authorization", "Token a\nurl = http://evil")])
        #expect((try? CurlTransport.config(for: bad)) == nil)
    }

    @Test func formFieldsAreURLEncodedByCurlFromTheConfig() throws {
        let r = HTTPRequest(method: "POST", url: "https://ims/ims/token/v3", body: .form([("client_secret", fusionSecret)]))
        let c = try CurlTransport.config(for: r)
        #expect(c.contains("data-urlencode = \"client_secret=\(fusionSecret)\""))
    }

    @Test func parsesInterimBlocksHeadersAndBody() throws {
        let raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n\r\nx"
        let r = try CurlTransport.parse(Array(raw.utf8), request: "GET /")
        #expect(r.status == 429 && r.header("retry-after") == "7" && r.header("Content-Type") == "application/json")
        #expect(r.text == "{\"a\":1}\r\n\r\nx")
        #expect((try? CurlTransport.parse(Array("garbage".utf8), request: "GET /")) == nil)
    }
}

@Suite struct ErrorDocumentTests {
    @Test func documentedShapes() {
        #expect(errorMessage(from: Array(#"{"error_code":"403000","message":"Api Key is required"}"#.utf8)) == "Api Key is required (error_code 403000)")
        #expect(errorMessage(from: Array(#"{"type":"BadRequest","status":400,"title":"Validation failed","report":{"request-id":"r","errors":["limit must not be greater than 100"]}}"#.utf8))
                == "Validation failed (limit must not be greater than 100)")
        #expect(errorMessage(from: Array(#"{"detail":"Access denied.","message":"Permission denied","code":"SC403"}"#.utf8)) == "Permission denied: Access denied. (SC403)")
        #expect(errorMessage(from: Array(#"{"error":"invalid_client","error_description":"bad id"}"#.utf8)) == "invalid_client: bad id")
        #expect(errorMessage(from: Array("<html>oops</html>".utf8)) == "")
    }

    @Test func secretsAreRedacted() {
        let s = Secrets([makeToken])
        #expect(s.redact("bad header Token \(makeToken)!") == "bad header Token [redacted]!")
    }

    @Test func retryAfterWaits() {
        let p = RetryPolicy(sleep: { _ in })
        #expect(p.wait(retryAfter: "3", attempt: 0) == 3)
        #expect(p.wait(retryAfter: nil, attempt: 2) == 4)
        #expect(p.wait(retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT", attempt: 0) == 1)
    }
}
