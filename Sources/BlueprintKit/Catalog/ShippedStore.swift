// The shipped catalog, read per app when a module of that app is first looked at.
// Reading all of Catalog/Data (~430 KB) took most of scened's start-up; a blueprint
// uses a few dozen apps, so a file is parsed (tokenized) only when it may hold a fact
// about a wanted app, and only that app's items are turned into entries. The same
// reader checks every item as for users' files; the tests read the whole catalog too
// (`Catalog.shippedEager`) and compare it with this, app by app.
import Synchronization

final class ShippedStore: Sendable {
    static let shared = ShippedStore(files: ShippedCatalog.files, singleApp: ShippedCatalog.singleApp)

    private struct File: Sendable {
        var name: String
        var bytes: [UInt8]
        /// The one app the file describes, when that is all it describes.
        var onlyApp: String?
    }

    private struct Parsed: Sendable {
        var reader: CatalogReader
        var byApp: [String: CatalogReader.Sections]
    }

    private struct State {
        var parsed: [Int: Parsed] = [:]
        var apps: [String: CatalogFacts] = [:]
        var all: CatalogFacts?
        /// Rule sets by name, once every file's header is read.
        var ruleSets: [String: [FieldRule]]?
        var error: CatalogError?
    }

    private let files: [File]
    private let state = Mutex(State())

    init(files: [(String, [UInt8])], singleApp: [String: String]) {
        self.files = files.map { File(name: $0.0, bytes: $0.1, onlyApp: singleApp[$0.0]) }
    }

    var sourceNames: [String] { files.map { "shipped:\($0.name)" } }

    /// The first error any part of the shipped catalog gave (the tests keep it nil).
    var error: CatalogError? {
        _ = all
        return state.withLock { $0.error }
    }

    /// Everything the shipped catalog says about `app`, files in load order (later files win).
    func facts(app: String) -> CatalogFacts {
        state.withLock { st in
            if let f = st.apps[app] { return f }
            var out = CatalogFacts()
            for i in files.indices where files[i].onlyApp == nil || files[i].onlyApp == app {
                guard var p = parsed(i, &st), let items = p.byApp[app] else { continue }
                var one = CatalogFacts()   // each file on its own, then merged, as users' files are
                do throws(CatalogError) { try p.reader.read(items, into: &one) } catch { st.error = st.error ?? error }
                out.merge(one)
            }
            st.apps[app] = out
            return out
        }
    }

    /// The whole shipped catalog.
    var all: CatalogFacts {
        state.withLock { st in
            if let a = st.all { return a }
            var out = CatalogFacts()
            for i in files.indices {
                guard var p = parsed(i, &st) else { continue }
                var one = CatalogFacts()
                for items in p.byApp.values {
                    do throws(CatalogError) { try p.reader.read(items, into: &one) } catch { st.error = st.error ?? error }
                }
                out.merge(one)
            }
            st.all = out
            return out
        }
    }

    /// Every app the shipped catalog has a fact about.
    var appNames: [String] {
        state.withLock { st in
            var out = Set<String>()
            for i in files.indices { if let p = parsed(i, &st) { out.formUnion(p.byApp.keys) } }
            return out.sorted()
        }
    }

    /// The names of the files tokenized so far.
    var parsedFiles: Set<String> { state.withLock { st in Set(st.parsed.keys.map { files[$0].name }) } }

    /// A named rule set of the shipped catalog (a user file may include one).
    func ruleSet(_ name: String) -> [FieldRule]? {
        state.withLock { st in
            if st.ruleSets == nil {
                var sets: [String: [FieldRule]] = [:]
                for i in files.indices { if let p = parsed(i, &st) { sets.merge(p.reader.ruleSets) { _, new in new } } }
                st.ruleSets = sets
            }
            return st.ruleSets?[name]
        }
    }

    /// File `i` tokenized, its rule sets read and its items grouped by app (once).
    private func parsed(_ i: Int, _ st: inout State) -> Parsed? {
        if let p = st.parsed[i] { return p }
        let f = files[i]
        do throws(CatalogError) {
            // A shipped file's rule sets are its own (CatalogTests checks none includes another file's).
            var r = try CatalogLoader.reader(bytes: f.bytes, source: "shipped:\(f.name)", visibleRuleSets: [:])
            _ = try r.header()
            let p = Parsed(reader: r, byApp: r.sectionsByApp(try r.sections()))
            st.parsed[i] = p
            return p
        } catch {
            st.error = st.error ?? error
            return nil
        }
    }
}
