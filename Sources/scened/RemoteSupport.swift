// Shared by pull, push and `connections --remote`: credentials from the environment (never
// from arguments), the HTTP session, and API errors as messages and exit codes.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit
import PlatformAPI

/// An environment variable, nil when unset or empty.
func environment(_ name: String) -> String? {
    guard let p = getenv(name) else { return nil }
    let s = String(cString: p)
    return s.isEmpty ? nil : s
}

/// A session over the system curl; prints what is missing and returns nil without one.
func apiSession(command: String) -> APISession? {
    guard let transport = CurlTransport() else {
        FileIO.writeStderr("scened \(command): \(CurlTransport.missingMessage)\n")
        return nil
    }
    let s = APISession(transport: transport)
    s.onWait = { FileIO.writeStderr("scened \(command): \($0)\n") }
    return s
}

/// Prints an API error and returns its exit code.
func apiFailure(_ error: APIError, command: String) -> Int32 {
    FileIO.writeStderr("scened \(command): \(error)\n")
    return error.exitCode
}

func makeClient(origin: APIOrigin, session: APISession) throws(APIError) -> MakeClient {
    guard let token = environment("MAKE_API_TOKEN") else {
        throw .configuration("set MAKE_API_TOKEN to a Make API token (Profile › API access; scopes scenarios:read, scenarios:write, connections:read)")
    }
    return MakeClient(origin: origin, token: token, session: session)
}

/// Fusion: `FUSION_CLIENT_ID` with `FUSION_CLIENT_SECRET` (exchanged at Adobe IMS), or a ready
/// `FUSION_ACCESS_TOKEN`. With `--api`, the IMS request goes to the same origin.
func fusionClient(api: APIOrigin?, org: String, region: String, imsOrg: String?, session: APISession) throws(APIError) -> FusionClient {
    guard let clientId = environment("FUSION_CLIENT_ID") else {
        throw .configuration("set FUSION_CLIENT_ID (the Developer Console client id, sent as x-api-key) and FUSION_CLIENT_SECRET, or FUSION_ACCESS_TOKEN")
    }
    let secret = environment("FUSION_CLIENT_SECRET"), token = environment("FUSION_ACCESS_TOKEN")
    guard secret != nil || token != nil else {
        throw .configuration("set FUSION_CLIENT_SECRET (to fetch a token from Adobe IMS) or FUSION_ACCESS_TOKEN")
    }
    return FusionClient(origin: api ?? APIOrigin(https: "fusion.adobe.io"), imsOrigin: api ?? APIOrigin(https: "ims-na1.adobelogin.com"),
                        org: org, region: region, imsOrg: imsOrg ?? environment("FUSION_IMS_ORG_ID"),
                        credentials: FusionCredentials(clientId: clientId, clientSecret: secret, accessToken: token), session: session)
}

/// `--api ORIGIN` parsed, or nil; prints the error and sets `failure` when it is invalid.
func parseAPIOrigin(_ text: String?, command: Command) -> Result<APIOrigin?, ExitFailure> {
    guard let text else { return .success(nil) }
    do { return .success(try APIOrigin(parsing: text)) } catch {
        return .failure(ExitFailure(code: usageFailure(command, error.description)))
    }
}

func positiveInts(_ values: [String], option: String) throws(UsageError) -> [Int] {
    try values.map { v throws(UsageError) -> Int in
        guard let n = Int(v), n > 0 else { throw UsageError(message: "\(option) takes a number, not '\(v)'") }
        return n
    }
}

/// `.scened-connections.json` in FILE's folder (written by `scened pull`), when it exists.
func pulledTeamConnections(besides file: String?) -> String? {
    guard let file, file != "-" else { return nil }
    let dir = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
    let path = (dir.isEmpty ? "" : dir) + "/" + teamConnectionsFileName
    return FileIO.exists(path) ? path : nil
}
