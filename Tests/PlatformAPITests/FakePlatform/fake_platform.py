#!/usr/bin/env python3
"""A local stand-in for the Workfront Fusion v3 and Make v2 APIs, for scened's tests.

It behaves as the documents describe (see Sources/PlatformAPI/FusionClient.swift and
MakeClient.swift for the references): Fusion's header checks and error bodies, cursor
paging with _page.next, the 100-id export limit and NDJSON answers, Adobe IMS token
exchange; Make's Token auth, pg[offset]/pg[limit] paging, blueprint GET and PATCH.

Usage: fake_platform.py STATE.json   -- prints "PORT <n>" once listening on 127.0.0.1.
Control (tests only): POST /__control/edit {"platform","id","name"} edits a scenario remotely;
POST /__control/throttle {"prefix","count","status","retryAfter"} answers the next COUNT
requests under PREFIX with STATUS and Retry-After; GET /__control/log lists the requests.
"""
import json, signal, sys, threading, urllib.parse
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

# A test runner may start us with signals blocked; SIGTERM must end the server.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
STATE = json.load(open(sys.argv[1]))
LOCK = threading.Lock()
LOG = []
THROTTLE = []
FAIL = []
CLOCK = [0]

def stamp():
    CLOCK[0] += 1
    return "2026-12-03T10:%02d:%02d.000Z" % (CLOCK[0] // 60 % 60, CLOCK[0] % 60)

def problem(status, title):
    names = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound"}
    return status, {"type": names.get(status, "Error"), "status": status, "title": title,
                    "report": {"request-id": "req-1", "x-gw-ims-org-id": "ABC@AdobeOrg"}}, "application/problem+json"

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass

    def answer(self, status, body, ctype="application/json", headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers: self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self): self.route("GET")
    def do_POST(self): self.route("POST")
    def do_PATCH(self): self.route("PATCH")

    def route(self, method):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        url = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        with LOCK:
            if not url.path.startswith("/__control"):
                LOG.append({"method": method, "path": url.path, "query": q,
                            "headers": {k.lower(): v for k, v in self.headers.items()}, "body": raw.decode("utf-8", "replace")})
                for f in FAIL:
                    if f["count"] > 0 and url.path.startswith(f["prefix"]):
                        f["count"] -= 1
                        return self.answer(f["status"], f["body"])
                for t in THROTTLE:
                    if t["count"] > 0 and url.path.startswith(t["prefix"]):
                        t["count"] -= 1
                        hdrs = [("Retry-After", str(t["retryAfter"]))] if t.get("retryAfter") is not None else []
                        return self.answer(t["status"], {"message": "Too many requests", "code": "SC%d" % t["status"]}, headers=hdrs)
            try:
                r = self.dispatch(method, url.path, q, raw)
            except Exception as e:  # a bug in the fake must show in the test
                r = (500, {"message": "fake server error: %r" % e})
        self.answer(*r)

    def dispatch(self, method, path, q, raw):
        if path == "/__control/edit":
            b = json.loads(raw)
            s = STATE[b["platform"]]["scenarios"][str(b["id"])]
            s["blueprint"]["name"] = b["name"]
            s["name"] = b["name"]; s["lastEdit"] = stamp()
            return 200, {"ok": True}
        if path == "/__control/throttle":
            THROTTLE.append(json.loads(raw)); return 200, {"ok": True}
        if path == "/__control/fail":
            b = json.loads(raw); b.setdefault("count", 1); FAIL.append(b); return 200, {"ok": True}
        if path == "/__control/log":
            return 200, LOG
        if path == "/ims/token/v3":
            f = urllib.parse.parse_qs(raw.decode())
            ims = STATE["fusion"]["ims"]
            if f.get("client_id") != [ims["clientId"]] or f.get("client_secret") != [ims["clientSecret"]] or f.get("grant_type") != ["client_credentials"]:
                return 400, {"error": "invalid_client", "error_description": "invalid client_id or client_secret"}
            return 200, {"access_token": ims["token"], "token_type": "bearer", "expires_in": 86399}
        if path.startswith("/api/v3/"):
            return self.fusion(method, path[len("/api/v3"):], q, raw)
        if path.startswith("/api/v2/"):
            return self.make(method, path[len("/api/v2"):], q, raw)
        return 404, {"message": "no such path " + path}

    # Fusion v3: header checks in the order of api_headers/index.md, errors as documented.
    def fusion(self, method, path, q, raw):
        F = STATE["fusion"]; h = {k.lower(): v for k, v in self.headers.items()}
        if "x-api-key" not in h: return 403, {"error_code": "403000", "message": "Api Key is required"}
        if h["x-api-key"] != F["ims"]["clientId"]: return 403, {"error_code": "403003", "message": "Api Key is invalid"}
        if h.get("authorization") != "Bearer " + F["ims"]["token"]: return 401, {"error_code": "401013", "message": "Oauth token is not valid"}
        for need in ["x-gw-region", "x-organization-id"] + F.get("requiredHeaders", []):
            if need not in h: return 400, {"error_code": "400003", "message": "Missing header"}
        if path in ("/scenarios", "/connections"):
            limit = int(q.get("limit", ["50"])[0])
            if limit < 1 or limit > 100: return problem(400, "limit must not be greater than 100")
            if "orderby" not in q: return problem(400, "Paging parameters require orderby to be specified")
            kind = path[1:]
            rows = sorted(F[kind].values(), key=lambda s: s["id"])
            for p in q.get("property", []):
                k, v = p.split("==")
                rows = [r for r in rows if str(r.get(k)) == v]
            if "teamId" in q: rows = [r for r in rows if str(r.get("teamId")) == q["teamId"][0]]
            start = int(q["start"][0]) if "start" in q else None
            if start is not None: rows = [r for r in rows if r["id"] > start]
            size = min(limit, F.get("pageSize", limit))
            page = rows[:size]
            more = len(rows) > size
            items = [{k: v for k, v in r.items() if k != "blueprint"} for r in page]
            nxt = page[-1]["id"] if more else None
            body = {"items": items, "_page": {"orderby": "+id", "start": start, "next": None if nxt is None else str(nxt), "count": len(items)},
                    "_links": {"page": {"href": "/api/v3" + path + "{?orderby,limit,start,property}"}}}
            if nxt is not None: body["_links"]["next"] = {"href": "/api/v3%s?orderby=%%2Bid&start=%s&limit=%d" % (path, nxt, limit)}
            return 200, body
        if path == "/scenarios/export" and method == "POST":
            ids = json.loads(raw).get("scenarioIds", [])
            if len(ids) > 100: return problem(400, "scenarioIds must contain no more than 100 elements")
            F["exportCalls"] = F.get("exportCalls", 0) + 1
            lines = []
            for i in ids:
                s = F["scenarios"].get(str(i))
                if s: lines.append(json.dumps({"scenarioId": s["id"], "name": s["name"], "teamId": s["teamId"], "folderId": s.get("folderId"), "blueprint": s["blueprint"]}))
            return 200, ("\n".join(lines) + "\n").encode(), "application/x-ndjson"
        return problem(404, "Resource not found")

    # Make v2.
    def make(self, method, path, q, raw):
        M = STATE["make"]
        if self.headers.get("Authorization") != "Token " + M["token"]:
            return 401, {"detail": "Invalid access token.", "message": "Access denied", "code": "SC401"}
        parts = path.strip("/").split("/")
        if parts[0] in ("scenarios", "connections") and len(parts) == 1:
            rows = sorted(M[parts[0]].values(), key=lambda s: s["id"])
            rows = [r for r in rows if str(r.get("teamId")) == q.get("teamId", [""])[0]]
            if "folderId" in q: rows = [r for r in rows if str(r.get("folderId")) == q["folderId"][0]]
            off = int(q.get("pg[offset]", ["0"])[0]); lim = min(int(q.get("pg[limit]", ["10"])[0]), M.get("pageSize", 10000))
            page = [{k: v for k, v in r.items() if k != "blueprint"} for r in rows[off:off + lim]]
            return 200, {parts[0]: page, "pg": {"offset": off, "limit": lim, "sortBy": "id", "sortDir": "asc"}}
        if parts[0] == "scenarios" and len(parts) >= 2:
            s = M["scenarios"].get(parts[1])
            if not s: return 404, {"detail": "Scenario not found.", "message": "Not found", "code": "SC404"}
            meta = {k: v for k, v in s.items() if k != "blueprint"}
            if len(parts) == 3 and parts[2] == "blueprint" and method == "GET":
                return 200, {"code": "OK", "response": {"blueprint": s["blueprint"], "scheduling": {"type": "indefinitely"}}}
            if len(parts) == 2 and method == "GET":
                return 200, {"scenario": meta}
            if len(parts) == 2 and method == "PATCH":
                b = json.loads(raw)
                if not isinstance(b.get("blueprint"), str):
                    return 400, {"detail": "blueprint must be a string", "message": "Validation failed", "code": "SC400"}
                s["blueprint"] = json.loads(b["blueprint"])
                s["lastEdit"] = stamp()
                M["patches"] = M.get("patches", 0) + 1
                return 200, {"scenario": {k: v for k, v in s.items() if k != "blueprint"}}
        return 404, {"detail": "Not found.", "message": "Not found", "code": "SC404"}

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("PORT %d" % server.server_address[1], flush=True)
server.serve_forever()
