import Foundation

/// A fresh folder under the system temp folder for one test, removed afterwards: when the object goes, or, for the
/// base plans a suite makes once and keeps in a `static` (never deinitialised), when the test process exits.
final class TempFolder {
    let path: String

    init(_ label: String = "run") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tidsplan-e2e-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        RemovedAtExit.add(path)
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

/// Folders to remove when the test process exits (a second removal of one already gone does nothing).
private enum RemovedAtExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [String] = []
    private static let registered: Void = { atexit { RemovedAtExit.removeAll() } }()

    static func add(_ path: String) {
        _ = registered
        lock.lock(); defer { lock.unlock() }
        paths.append(path)
    }

    private static func removeAll() {
        lock.lock()
        let all = paths
        lock.unlock()
        for path in all { try? FileManager.default.removeItem(atPath: path) }
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
