// HTTP through the system `curl`, started with posix_spawn. Why curl and not URLSession:
// FoundationNetworking does not link into the release build (`-static-stdlib` needs a static
// libcurl, `-lcurl` is not found, and the link prints warnings), and linking it dynamically
// would stop *every* command from starting on a host without libcurl. With curl as a separate
// program, only pull/push/`connections --remote` need it, and they say so when it is missing.
//
// Secrets never reach the process list or a file: the URL, method and headers go to curl as a
// config file on its standard input (`-K -`), a request body through a pipe on fd 3
// (`--data-binary @/dev/fd/3`), and the response comes back on a pipe (`-i`: status line and
// headers, then the body). `-q` keeps ~/.curlrc out; no `-k` ever (certificates are verified);
// no `-L` (a redirect is reported, not followed, so Authorization never goes to another host);
// `--proto =http,https` refuses other schemes.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

public struct CurlTransport: HTTPTransport {
    public let curlPath: String
    public var connectTimeout = 20
    public var maxTime = 300

    /// Finds `curl` on PATH; nil when there is none.
    public init?(path: String? = nil) {
        if let path { curlPath = path; return }
        let pathVar: String = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        let dirs = pathVar.split(separator: ":")
        var found: String? = nil
        for d in dirs where found == nil {
            let candidate = String(d) + "/curl"
            if access(candidate, X_OK) == 0 { found = candidate }
        }
        guard let found else { return nil }
        curlPath = found
    }

    /// What to tell the user when `init` returned nil.
    public static let missingMessage = "this command talks to the API through the system curl, and no curl was found on PATH; "
        + "install it (Debian/Ubuntu: apt-get install curl) or put it on PATH"

    /// The command line: no secret, no URL.
    public var arguments: [String] {
        ["curl", "-q", "-sS", "-i", "--proto", "=http,https", "--connect-timeout", String(connectTimeout),
         "--max-time", String(maxTime), "-K", "-"]
    }

    /// The config text curl reads from standard input.
    public static func config(for r: HTTPRequest) throws(APIError) -> String {
        var lines = ["url = \(quote(r.url))", "request = \(quote(r.method))", "header = \(quote("Expect:"))"]
        for (name, value) in r.headers {
            guard !value.contains("\n") && !value.contains("\r") && !name.contains(":") else {
                throw .configuration("the value of the \(name) header contains a line break")
            }
            lines.append("header = \(quote("\(name): \(value)"))")
        }
        switch r.body {
        case .none: break
        case .bytes(_, let type):
            lines.append("header = \(quote("Content-Type: \(type)"))")
            lines.append("data-binary = \(quote("@/dev/fd/3"))")
        case .form(let fields):
            for (k, v) in fields { lines.append("data-urlencode = \(quote("\(k)=\(v)"))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A curl config string: double quotes with backslash escapes.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    public func send(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        let config = Array(try CurlTransport.config(for: request).utf8)
        var body: [UInt8]? = nil
        if case .bytes(let b, _) = request.body { body = b }
        let run = try spawn(args: arguments, stdin: config, fd3: body)
        if run.status != 0 {
            let err = run.stderr.trimmingWhitespace()
            let host = hostOf(request.url)
            switch run.status {
            case 60, 35, 51, 58, 77, 83, 90, 91:
                throw .transport("\(request.method) \(host): the HTTPS connection could not be verified (\(err))")
            case 28: throw .transport("\(request.method) \(host): timed out (\(err))")
            default: throw .transport("\(request.method) \(host): no answer (\(err.isEmpty ? "curl exit \(run.status)" : err))")
            }
        }
        return try CurlTransport.parse(run.stdout, request: "\(request.method) \(pathOf(request.url))")
    }

    /// Splits curl's `-i` output into status, headers and body; skips 1xx interim blocks.
    public static func parse(_ out: [UInt8], request: String) throws(APIError) -> HTTPResponse {
        var start = 0
        while true {
            guard let end = headerEnd(out, from: start) else { throw .badResponse("\(request): the answer has no complete HTTP header") }
            let head = String(decoding: out[start..<end.headerEnd], as: UTF8.self)
            // "\r\n" is one Character in Swift: split on both forms.
            var lines = head.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            guard !lines.isEmpty else { throw .badResponse("\(request): empty HTTP header") }
            let statusLine = lines.removeFirst()
            let parts = statusLine.split(separator: " ")
            guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
                throw .badResponse("\(request): unexpected status line '\(statusLine.prefix(80))'")
            }
            if status >= 100 && status < 200 { start = end.bodyStart; continue }
            var headers: [(String, String)] = []
            for l in lines {
                guard let colon = l.firstIndex(of: ":") else { continue }
                headers.append((l[..<colon].lowercased(), String(l[l.index(after: colon)...]).trimmingWhitespace()))
            }
            return HTTPResponse(status: status, headers: headers, body: Array(out[end.bodyStart...]))
        }
    }

    static func headerEnd(_ b: [UInt8], from: Int) -> (headerEnd: Int, bodyStart: Int)? {
        var i = from
        while i + 1 < b.count {
            if b[i] == 0x0A && b[i + 1] == 0x0A { return (i, i + 2) }
            if i + 3 < b.count && b[i] == 0x0D && b[i + 1] == 0x0A && b[i + 2] == 0x0D && b[i + 3] == 0x0A { return (i, i + 4) }
            i += 1
        }
        return nil
    }

    struct Run { var status: Int32; var stdout: [UInt8]; var stderr: String }

    private func spawn(args: [String], stdin input: [UInt8], fd3: [UInt8]?) throws(APIError) -> Run {
        var inP: [Int32] = [0, 0], outP: [Int32] = [0, 0], errP: [Int32] = [0, 0], bodyP: [Int32] = [-1, -1]
        // Close-on-exec: a process spawned meanwhile by another thread must not inherit our ends
        // (a long-lived one would hold curl's stdout open and readAll would never see EOF).
        // pipe2(O_CLOEXEC) is not in the Glibc module; the window between pipe and fcntl is tiny.
        func cloexecPipe(_ p: inout [Int32]) -> Bool {
            guard pipe(&p) == 0 else { return false }
            _ = fcntl(p[0], F_SETFD, FD_CLOEXEC); _ = fcntl(p[1], F_SETFD, FD_CLOEXEC)
            return true
        }
        guard cloexecPipe(&inP), cloexecPipe(&outP), cloexecPipe(&errP), fd3 == nil || cloexecPipe(&bodyP) else {
            throw .transport("cannot create a pipe for curl: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inP[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outP[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errP[1], 2)
        if fd3 != nil { posix_spawn_file_actions_adddup2(&actions, bodyP[0], 3) }
        for fd in [inP[0], inP[1], outP[0], outP[1], errP[0], errP[1], bodyP[0], bodyP[1]] where fd > 3 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var defaults = sigset_t()
        sigemptyset(&defaults); sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cargs = args.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        let rc = posix_spawn(&pid, curlPath, &actions, &attr, cargs, environ)
        for fd in [inP[0], outP[1], errP[1], bodyP[0]] where fd >= 0 { close(fd) }
        guard rc == 0 else {
            for fd in [inP[1], outP[0], errP[0], bodyP[1]] where fd >= 0 { close(fd) }
            throw .unavailable("cannot start \(curlPath): \(String(cString: strerror(rc)))")
        }
        // A curl that exits early must not kill us with SIGPIPE: writes then fail with EPIPE.
        let oldPipe = signal(SIGPIPE, SIG_IGN)
        writeAll(inP[1], input); close(inP[1])
        if let fd3 { writeAll(bodyP[1], fd3); close(bodyP[1]) }
        let out = readAll(outP[0]); close(outP[0])
        let err = readAll(errP[0]); close(errP[0])
        signal(SIGPIPE, oldPipe)
        var st: Int32 = 0
        while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
        let exited = (st & 0x7f) == 0
        return Run(status: exited ? (st >> 8) & 0xff : 128 + (st & 0x7f), stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return }
            off += n
        }
    }

    private func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }
}

/// `host[:port]` of a URL, for messages.
func hostOf(_ url: String) -> String {
    guard let r = Substring(url).range(of: "://") else { return url }
    let rest = url[r.upperBound...]
    return String(rest.prefix { $0 != "/" && $0 != "?" })
}

/// The path and query of a URL, for messages.
func pathOf(_ url: String) -> String {
    guard let r = Substring(url).range(of: "://") else { return url }
    let rest = url[r.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return "/" }
    return String(rest[slash...])
}
