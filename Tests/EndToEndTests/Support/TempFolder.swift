import Foundation

/// A fresh folder under the system temp folder for one test, removed afterwards.
final class TempFolder {
    let path: String

    init(_ label: String = "run") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tidsplan-e2e-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `path/relative`.
    func file(_ relative: String) -> String { path + "/" + relative }

    /// Writes text (UTF-8) into `relative` and returns its full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let full = file(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }
}

/// Everything below a folder: each file's bytes and each sub-folder, by path relative to the folder.
/// Two snapshots are equal when the folders are byte for byte the same.
struct FolderSnapshot: Equatable {
    var files: [String: Data] = [:]
    var folders: Set<String> = []

    init(_ root: String) {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        while let relative = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                folders.insert(relative)
            } else {
                files[relative] = FileManager.default.contents(atPath: root + "/" + relative) ?? Data()
            }
        }
    }

    /// The files whose path starts with `prefix`.
    func files(under prefix: String) -> [String: Data] { files.filter { $0.key.hasPrefix(prefix) } }
}

/// The names in a folder, sorted (to see that no `.NAME.tmp-…` folder was left behind).
func folderEntries(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

func fileText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}
