// One session with an API: the transport, the secrets to redact, and the retry rule.
// 429 and 503 are retried a bounded number of times, waiting what Retry-After asks
// (delta-seconds; an HTTP-date or a missing header waits 1, 2, 4, ... s); a wait longer
// than `maxWait`, or more than `maxRetries` refusals, is reported instead of waited out.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

public struct RetryPolicy: Sendable {
    public var maxRetries: Int
    public var maxWait: Double
    public var sleep: @Sendable (Double) -> Void

    public init(maxRetries: Int = 4, maxWait: Double = 60, sleep: @escaping @Sendable (Double) -> Void = RetryPolicy.realSleep) {
        self.maxRetries = maxRetries; self.maxWait = maxWait; self.sleep = sleep
    }

    public static let realSleep: @Sendable (Double) -> Void = { s in
        guard s > 0 else { return }
        var ts = timespec(tv_sec: Int(s), tv_nsec: Int((s - Double(Int(s))) * 1e9))
        var left = timespec()
        while nanosleep(&ts, &left) != 0 && errno == EINTR { ts = left }
    }

    /// Seconds to wait before retry number `attempt` (0-based), from the Retry-After value.
    public func wait(retryAfter: String?, attempt: Int) -> Double {
        if let r = retryAfter?.trimmingWhitespace(), let s = Int(r), s >= 0 { return Double(s) }
        return Double(1 << min(attempt, 6))
    }
}

public final class APISession {
    public let transport: any HTTPTransport
    public var secrets: Secrets
    public var retry: RetryPolicy
    /// Called before each wait, e.g. to print "waiting 2 s (HTTP 429) ...".
    public var onWait: ((String) -> Void)?
    public private(set) var requestCount = 0

    public init(transport: any HTTPTransport, secrets: Secrets = Secrets(), retry: RetryPolicy = RetryPolicy()) {
        self.transport = transport; self.secrets = secrets; self.retry = retry
    }

    /// Sends the request, retrying 429/503; returns a 2xx response or throws (redacted).
    public func send(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        let what = "\(request.method) \(pathOf(request.url))"
        var attempt = 0
        while true {
            requestCount += 1
            let r: HTTPResponse
            do { r = try transport.send(request) } catch { throw error.redacted(secrets) }
            if (200..<300).contains(r.status) { return r }
            let message = errorMessage(from: r.body)
            if r.status == 429 || r.status == 503 {
                let w = retry.wait(retryAfter: r.header("retry-after"), attempt: attempt)
                if attempt >= retry.maxRetries {
                    throw APIError.http(status: r.status, message: (message.isEmpty ? "" : message + "; ")
                        + "still refused after \(retry.maxRetries) retries; try again later", request: what).redacted(secrets)
                }
                if w > retry.maxWait {
                    throw APIError.http(status: r.status, message: (message.isEmpty ? "" : message + "; ")
                        + "the server asks to wait \(Int(w)) s (Retry-After), more than \(Int(retry.maxWait)) s; try again later",
                        request: what).redacted(secrets)
                }
                onWait?("\(what): HTTP \(r.status), waiting \(Int(w)) s before retry \(attempt + 1) of \(retry.maxRetries)")
                retry.sleep(w)
                attempt += 1
                continue
            }
            if (300..<400).contains(r.status) {
                throw APIError.http(status: r.status, message: "redirected to \(r.header("location") ?? "?"); not followed (check --api or --zone)",
                                    request: what).redacted(secrets)
            }
            throw APIError.http(status: r.status, message: message, request: what).redacted(secrets)
        }
    }

    /// Sends and parses the answer as JSON.
    public func json(_ request: HTTPRequest) throws(APIError) -> JSONValue {
        let r = try send(request)
        do {
            let d = try JSONDocument(bytes: r.body)
            return d.value(d.root)
        } catch {
            throw APIError.badResponse("\(request.method) \(pathOf(request.url)): the answer is not JSON (\(error.line):\(error.column): \(error.message))")
        }
    }
}
