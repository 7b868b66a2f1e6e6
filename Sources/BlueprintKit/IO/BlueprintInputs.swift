// The files a command works on: the FILE arguments as given, each folder replaced by
// the `*.json` files under it (FileIO.jsonFiles: recursive, byte order, no dot files).
// A JSON file found in a folder that is not a scenario blueprint (a team list, a
// manifest, any other JSON) is skipped and counted; one named on the command line is
// an error as before. A file that does not parse is reported, whatever its origin.

public struct BlueprintInputs: Sendable, Equatable {
    /// Every file, in argument order, folders expanded in place.
    public private(set) var files: [String] = []
    /// The files that came from a folder (and so may be skipped when not blueprints).
    public private(set) var fromFolder: Set<String> = []
    /// Each folder argument with the files found under it.
    public private(set) var folders: [(dir: String, files: [String])] = []

    public init(_ arguments: [String]) {
        for a in arguments {
            if a != "-", FileIO.isDirectory(a) {
                let found = FileIO.jsonFiles(under: a)
                folders.append((a, found))
                files += found
                fromFolder.formUnion(found)
            } else {
                files.append(a)
            }
        }
    }

    /// True when a folder was given or there is more than one file: commands then report
    /// per file and in total (a single FILE keeps its one-file output).
    public var isMany: Bool { !folders.isEmpty || files.count > 1 }

    /// `error` means `file` is a JSON file that is no blueprint, found in a folder: skip it.
    public func skips(_ file: String, _ error: BlueprintLoadError) -> Bool {
        fromFolder.contains(file) && error.isNotABlueprint
    }

    /// One message per folder holding no blueprint (`skipped` are the files found not to be
    /// blueprints); empty when every folder has one.
    public func emptyFolderMessages(skipped: Set<String>) -> [String] {
        folders.compactMap { f in
            guard f.files.allSatisfy({ skipped.contains($0) }) else { return nil }
            if f.files.isEmpty { return "\(f.dir): no scenario blueprints (no *.json files under it)" }
            return "\(f.dir): no scenario blueprints (\(f.files.count) JSON file\(f.files.count == 1 ? " that is not a blueprint" : "s that are not blueprints"))"
        }
    }

    public static func == (a: BlueprintInputs, b: BlueprintInputs) -> Bool {
        a.files == b.files && a.fromFolder == b.fromFolder && a.folders.map(\.dir) == b.folders.map(\.dir)
    }

    /// `2 non-blueprint JSON files skipped`.
    public static func skippedText(_ n: Int) -> String {
        "\(n) non-blueprint JSON file\(n == 1 ? "" : "s") skipped"
    }
}

extension BlueprintLoadError {
    /// Valid JSON that is not a scenario blueprint (no `flow` array, not an object).
    public var isNotABlueprint: Bool {
        if case .blueprint(let e) = self { return e.message.hasPrefix("not a scenario blueprint") }
        return false
    }
}
