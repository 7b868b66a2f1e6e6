// `L`: learn an upgrade from the export a person made after upgrading the
// selected module by hand (BlueprintKit/Learn). The learned entry's verification
// is shown; `y` saves it to the user catalog folder and applies it at once.
import BlueprintKit

extension Editor {
    func startLearn() {
        guard let m = selectedModule, !m.moduleName.isEmpty else { setMessage("select a module to learn its upgrade"); return }
        let state = badges[m.index].state
        guard state == .current || state == .unknown else {
            setMessage("L learns an upgrade for a current or unknown module; \(m.idText) is \(state.rawValue) already", error: true)
            return
        }
        prompt = Prompt(kind: .learnAfter(index: m.index))
    }

    func learn(moduleIndex: Int, afterPath: String) {
        guard !afterPath.isEmpty else { setMessage("nothing learned: no file given", error: true); return }
        guard moduleIndex < blueprint.modules.count else { return }
        var path = afterPath
        if path.hasPrefix("~/"), let home = Catalog.processEnvironment()["HOME"] { path = home + path.dropFirst() }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { setMessage("nothing learned: \(error)", error: true); return }
        let after: Blueprint
        do { after = try Blueprint(bytes: bytes) } catch {
            setMessage("nothing learned: \(afterPath):\(error.line):\(error.column): \(error.message)", error: true)
            return
        }
        guard let dir = services.userCatalogDirectory else {
            setMessage("nothing learned: no folder for user catalogs (set XDG_CONFIG_HOME or HOME)", error: true)
            return
        }
        let m = blueprint.modules[moduleIndex]
        let key = ModuleKey(m.moduleName, m.version)
        let dest = dir + "/" + CatalogLearner.fileName(for: key)
        let example = LearnExample(before: blueprint, after: after, beforeName: displayName, afterName: afterPath)
        let result: LearnResult
        do {
            result = try CatalogLearner(examples: [example], catalog: services.catalog, date: today, only: key).learn(source: dest)
        } catch {
            setMessage("nothing learned: \(error.message)", error: true)
            return
        }
        guard let entry = result.learned.first else { return }
        let checks = result.verifications
        let failed = checks.filter { !$0.reproduces }
        var summary = "Learned \(entry.from) → \(entry.to) (\(entry.rules) rule\(entry.rules == 1 ? "" : "s")): reproduces the example: "
        if failed.isEmpty {
            summary += "yes."
        } else {
            let diffs = failed.flatMap(\.differences)
            summary += "no (\(diffs.count) difference\(diffs.count == 1 ? "" : "s"): \(diffs.first ?? "")\(diffs.count > 1 ? "; …" : ""))."
        }
        confirm = .learnSave(summary: summary, path: dest, text: result.text)
    }

    func saveLearned(_ text: String, to path: String) {
        do { try CatalogLearner.save(text, to: path) } catch {
            setMessage("not saved: \(error)", error: true)
            return
        }
        var c = services.catalog
        do { try c.add(bytes: Array(text.utf8), source: path) } catch {
            setMessage("saved \(path), but it does not load: \(error)", error: true)
            return
        }
        services.catalog = c
        refreshDerived()
        let n = badgeCounts[.upgradable] ?? 0
        setMessage("saved \(path): \(n) module\(n == 1 ? "" : "s") upgradable now (u upgrades one, U all)")
    }
}
