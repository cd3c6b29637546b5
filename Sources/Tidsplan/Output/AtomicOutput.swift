import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the output folder could not be replaced. The previous output is untouched in every case.
public enum AtomicOutputError: Error, Equatable, CustomStringConvertible {
    /// A path in the file list is absolute, empty, has `..`/`.`/empty components or a NUL byte.
    case unsafePath(String, reason: String)
    /// Two entries of the file list have the same path.
    case duplicatePath(String)
    /// The output location exists and is not a folder.
    case notADirectory(String)
    /// The folder holds other things than a previous output (or contains the working folder):
    /// replacing it would delete them.
    case notAnOutputFolder(String, reason: String)
    /// The file system refused (`path`, the operation, the system's message).
    case io(path: String, operation: String, message: String)

    public var description: String {
        switch self {
        case .unsafePath(let p, let reason): return "refusing to write \"\(p)\": \(reason)"
        case .duplicatePath(let p): return "\"\(p)\" is listed twice in the output"
        case .notADirectory(let p): return "\(p) exists and is not a folder; move it away or choose another output folder"
        case .notAnOutputFolder(let p, let reason):
            return "will not replace \(p): \(reason); choose a folder of its own for the output"
        case .io(let p, let op, let message): return "\(p): could not \(op): \(message)"
        }
    }
}

/// Replaces an output folder with a new set of files, all or nothing.
///
/// Everything is written into a fresh sibling folder `.NAME.tmp-XXXXXX` next to `NAME`, each file
/// and folder fsynced; then the old folder is renamed aside, the new one renamed into place, the
/// parent folder fsynced and the old one removed. A run that fails (or is killed) while writing
/// leaves the previous output as it was and never half a file; only a crash in the instant between
/// the two renames leaves `NAME` missing, with the previous output intact at `.NAME.old-XXXXXX`.
///
/// **The folder belongs to Tidsplan.** Files in it that this run does not produce (an old
/// calendar for a leader no longer in the plan, or anything a user put there) are *not* carried
/// over: after the swap the folder holds exactly `files`. Keep your own files elsewhere; to keep a
/// previous plan for `replan`, copy its plan.json out first.
///
/// Because replacing deletes, a typo must not cost a folder: an existing folder is replaced only
/// if it is empty or already holds at least one of the top-level names about to be written (a
/// previous output does), and never when it is, or contains, the working folder (`--out .`).
public enum AtomicOutput {
    public static func replace(directory: String, with files: [OutputFile]) throws {
        try validate(files)
        guard !directory.isEmpty else { throw AtomicOutputError.unsafePath(directory, reason: "no output folder given") }
        let target = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw AtomicOutputError.unsafePath(directory, reason: "not a folder name to replace")
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw AtomicOutputError.notADirectory(target.path) }
        if exists { try checkReplaceable(target, with: files) }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw AtomicOutputError.io(path: parent.path, operation: "create the folder", message: "\(error.localizedDescription)")
        }

        let temp = try makeTempDirectory(in: parent.path, prefix: ".\(name).tmp-")
        do {
            var folders: Set<String> = [temp]
            for file in files {
                let fullPath = temp + "/" + file.path
                let folder = (fullPath as NSString).deletingLastPathComponent
                try makeFolders(folder, under: temp, made: &folders)
                try writeSynced(file.bytes, to: fullPath)
            }
            // mkdtemp makes 0700; output is meant to be shared like any other document folder.
            if chmod(temp, 0o755) != 0 { throw ioError(temp, "set permissions") }
            // Deepest first, so each folder's entry is durable in its parent before the swap.
            for folder in folders.sorted(by: { $0.count > $1.count }) { try syncPath(folder) }
        } catch {
            try? fm.removeItem(atPath: temp)
            throw error
        }

        let old = parent.path + "/.\(name).old-" + String(temp.suffix(6))
        if exists {
            guard rename(target.path, old) == 0 else {
                let e = ioError(target.path, "move the previous output aside")
                try? fm.removeItem(atPath: temp)
                throw e
            }
        }
        guard rename(temp, target.path) == 0 else {
            let e = ioError(target.path, "move the new output into place")
            if exists { _ = rename(old, target.path) }
            try? fm.removeItem(atPath: temp)
            throw e
        }
        try? syncPath(parent.path)
        if exists { try? fm.removeItem(atPath: old) }
    }

    /// Refuses anything that could land outside the folder, before touching the disk.
    static func validate(_ files: [OutputFile]) throws {
        var seen: Set<String> = []
        for file in files {
            let p = file.path
            if p.isEmpty { throw AtomicOutputError.unsafePath(p, reason: "empty path") }
            if p.hasPrefix("/") { throw AtomicOutputError.unsafePath(p, reason: "absolute paths are not allowed") }
            if p.utf8.contains(0) { throw AtomicOutputError.unsafePath(p, reason: "contains a NUL byte") }
            for component in p.split(separator: "/", omittingEmptySubsequences: false) {
                if component == ".." { throw AtomicOutputError.unsafePath(p, reason: "\"..\" would leave the output folder") }
                if component == "." || component.isEmpty {
                    throw AtomicOutputError.unsafePath(p, reason: "empty or \".\" path component")
                }
            }
            if !seen.insert(p).inserted { throw AtomicOutputError.duplicatePath(p) }
        }
    }

    /// Refuses folders whose loss a user would not expect from writing a plan (see the type's doc).
    private static func checkReplaceable(_ target: URL, with files: [OutputFile]) throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
            .resolvingSymlinksInPath().path
        let t = target.path
        if cwd == t || cwd.hasPrefix(t.hasSuffix("/") ? t : t + "/") {
            throw AtomicOutputError.notAnOutputFolder(t, reason: "it contains the current working folder")
        }
        let existing: [String]
        do {
            existing = try FileManager.default.contentsOfDirectory(atPath: t)
        } catch {
            throw AtomicOutputError.io(path: t, operation: "list the folder", message: "\(error.localizedDescription)")
        }
        guard !existing.isEmpty else { return }
        let topLevel = Set(files.compactMap { $0.path.split(separator: "/").first.map(String.init) })
        if !existing.contains(where: topLevel.contains) {
            throw AtomicOutputError.notAnOutputFolder(t, reason: "it holds files that are not a previous output "
                                                      + "(\(existing.sorted().prefix(3).joined(separator: ", ")))")
        }
    }

    private static func makeTempDirectory(in parent: String, prefix: String) throws -> String {
        var template = Array((parent + "/" + prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw ioError(parent, "create a temporary folder") }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates `folder` and its missing parents below `root`, remembering them for the fsync pass.
    private static func makeFolders(_ folder: String, under root: String, made: inout Set<String>) throws {
        guard !made.contains(folder) else { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != root && parent.count > root.count { try makeFolders(parent, under: root, made: &made) }
        if mkdir(folder, 0o755) != 0 { throw ioError(folder, "create the folder") }
        made.insert(folder)
    }

    private static func writeSynced(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError(path, "create the file") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw ioError(path, "write the file")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw ioError(path, "flush the file to disk") }
    }

    private static func syncPath(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError(path, "open the folder") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ioError(path, "flush the folder to disk") }
    }

    private static func ioError(_ path: String, _ operation: String) -> AtomicOutputError {
        .io(path: path, operation: operation, message: String(cString: strerror(errno)))
    }
}
