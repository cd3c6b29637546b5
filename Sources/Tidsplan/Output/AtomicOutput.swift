import TidsplanCore
import Foundation
import TidsplanIO
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
    /// Nothing can be created in this folder (read-only, no permission, a system folder).
    case notWritable(String, message: String)
    /// The file system refused (`path`, the operation, the system's message).
    case io(path: String, operation: String, message: String)
    /// Too little free space where the output would go.
    case noSpace(String, freeBytes: UInt64, neededBytes: UInt64)

    public var description: String {
        switch self {
        case .unsafePath(let p, let reason): return "refusing to write \"\(p)\": \(reason)"
        case .duplicatePath(let p): return "\"\(p)\" is listed twice in the output"
        case .notADirectory(let p): return "\(p) exists and is not a folder; move it away or choose another output folder"
        case .notAnOutputFolder(let p, let reason):
            return "will not replace \(p): \(reason); choose a folder of its own for the output"
        case .notWritable(let p, let message):
            return "cannot write an output in \(p) (\(message)); choose another output folder with --out"
        case .io(let p, let op, let message): return "\(p): could not \(op): \(message)"
        case .noSpace(let p, let free, let needed):
            return "\(p) has \(Self.mebibytes(free)) free; the output needs about \(Self.mebibytes(needed)). Free some space or choose another output folder with --out"
        }
    }

    /// "3.2 MiB".
    static func mebibytes(_ bytes: UInt64, sv: Bool = false) -> String {
        let text = String(format: "%.1f MiB", Double(bytes) / 1_048_576)
        return sv ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

extension AtomicOutputError {
    /// The operations `io` names, in Swedish.
    static let operationSV: [String: String] = [
        "create the folder": "skapa mappen", "create a temporary folder": "skapa en tillfällig mapp",
        "move the previous output aside": "flytta undan den förra utdatan", "move the new output into place": "flytta den nya utdatan på plats",
        "set permissions": "sätta behörigheter", "open the folder": "öppna mappen", "flush the folder to disk": "skriva mappen till disk",
        "create the file": "skapa filen", "write the file": "skriva filen", "flush the file to disk": "skriva filen till disk",
        "list the folder": "lista mappen",
    ]

    /// Why a folder is not an output folder, in Swedish (the file names stay as they are).
    static func reasonSV(_ reason: String) -> String {
        if reason == "it contains the current working folder" { return "den innehåller den aktuella arbetsmappen" }
        let files = "it holds files that are not a previous output "
        if reason.hasPrefix(files) { return "den innehåller filer som inte är en tidigare utdata " + reason.dropFirst(files.count) }
        return reason
    }

    /// The system's words (strerror, Foundation) in Swedish for the refusals a leader meets; others as the system gave them.
    static func systemSV(_ message: String) -> String {
        let known: [(String, String)] = [
            ("immutable: chattr +i", "oföränderlig: chattr +i"), ("append-only: chattr +a", "bara tillägg: chattr +a"),
            ("Permission denied", "åtkomst nekad"), ("Read-only file system", "skrivskyddat filsystem"),
            ("No space left on device", "inget utrymme kvar på enheten"), ("Operation not permitted", "åtgärden är inte tillåten"),
            ("No such file or directory", "filen eller mappen finns inte"), ("Directory not empty", "mappen är inte tom"),
            ("Not a directory", "inte en mapp"), ("File exists", "filen finns redan"), ("Disk quota exceeded", "diskkvoten är slut"),
        ]
        for (en, sv) in known where message == en { return sv }
        if message.lowercased().contains("permission") { return "åtkomst nekad" }
        return message
    }

    /// The message in the user's language (`description` is English).
    public func text(_ lang: Language) -> String {
        guard lang == .sv else { return description }
        switch self {
        case .unsafePath(let p, let reason): return "vägrar skriva \"\(p)\": \(reason)"
        case .duplicatePath(let p): return "\"\(p)\" finns två gånger i utdata"
        case .notADirectory(let p): return "\(p) finns och är inte en mapp; flytta den eller välj en annan utdatamapp"
        case .notAnOutputFolder(let p, let reason):
            return "ersätter inte \(p): \(Self.reasonSV(reason)); välj en egen mapp för utdata"
        case .notWritable(let p, let message):
            return "kan inte skriva utdata i \(p) (\(Self.systemSV(message))); välj en annan utdatamapp med --out"
        case .io(let p, let op, let message): return "\(p): kunde inte \(Self.operationSV[op] ?? op): \(Self.systemSV(message))"
        case .noSpace(let p, let free, let needed):
            return "\(p) har \(Self.mebibytes(free, sv: true)) ledigt; utdata behöver omkring \(Self.mebibytes(needed, sv: true)). Frigör utrymme eller välj en annan utdatamapp med --out"
        }
    }
}

/// Replaces an output folder with a new set of files, all or nothing.
///
/// Everything is written into a fresh sibling folder `.NAME.tmp-XXXXXX` next to `NAME`, each file
/// and folder fsynced; then, on Linux, one `renameat2(RENAME_EXCHANGE)` swaps the two folders in a
/// single atomic step, the parent folder is fsynced and the old output (now at the temporary name)
/// removed. `NAME` therefore always holds a complete output, the old or the new, whenever the run is
/// killed. Where the exchange is not supported (another OS, a file system without it) the old folder
/// is renamed aside to `.NAME.old-XXXXXX` first, and a crash between the two renames can leave `NAME`
/// missing with the previous output intact there. Leftovers of killed runs are removed by the next
/// run; a run holds a lock on its own folders, so a concurrent run's are never taken for leftovers.
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
        let (target, parent, name, exists) = try location(directory)
        if exists {
            try checkReplaceable(target, with: files)
            try probeWritable(target.path)
        }
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw AtomicOutputError.io(path: parent.path, operation: "create the folder", message: "\(error.localizedDescription)")
        }
        removeLeftovers(in: parent.path, name: name)

        let (temp, tempLock) = try makeLockedTempDirectory(in: parent.path, prefix: ".\(name).tmp-")
        defer { close(tempLock) }
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

        testHook("before-swap")
        if exists, exchange(temp, target.path) {
            // One step: `target` now holds the new output and `temp` the old one.
            testHook("after-swap")
            try? syncPath(parent.path)
            try? fm.removeItem(atPath: temp)
            return
        }
        let old = parent.path + "/.\(name).old-" + String(temp.suffix(6))
        // Locked while aside, so a concurrent run does not take it for a leftover.
        let oldLock = exists ? lock(target.path) : -1
        defer { if oldLock >= 0 { close(oldLock) } }
        if exists {
            guard rename(target.path, old) == 0 else {
                let e = ioError(target.path, "move the previous output aside")
                try? fm.removeItem(atPath: temp)
                throw e
            }
        }
        testHook("after-swap")
        guard rename(temp, target.path) == 0 else {
            // Another run made the folder since we looked (two runs into a new folder): replace its output.
            if !exists, errno == ENOTEMPTY || errno == EEXIST, (try? checkReplaceable(target, with: files)) != nil,
               exchange(temp, target.path) {
                try? syncPath(parent.path)
                try? fm.removeItem(atPath: temp)
                return
            }
            let e = ioError(target.path, "move the new output into place")
            if exists { _ = rename(old, target.path) }
            try? fm.removeItem(atPath: temp)
            throw e
        }
        try? syncPath(parent.path)
        if exists { try? fm.removeItem(atPath: old) }
    }

    /// Checks, before any work is done, that an output could be written to `directory`: it is a folder (or
    /// can become one), Tidsplan may replace it, and its parent can be written. Jobs call this before solving,
    /// so a bad `--out` costs nothing; `replace` checks again.
    /// Leftovers of crashed runs beside the folder are removed here already; the ones that cannot be are returned, for
    /// the job to name.
    @discardableResult
    public static func checkLocation(_ directory: String, topLevel: [String]) throws -> [String] {
        let (target, parent, name, exists) = try location(directory)
        if exists {
            try checkReplaceable(target, with: topLevel.map { OutputFile(path: $0, text: "") })
            try probeWritable(target.path)
        }
        // The nearest existing ancestor must be a folder we can create things in.
        var ancestor = parent
        while !FileManager.default.fileExists(atPath: ancestor.path) && ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw AtomicOutputError.notADirectory(ancestor.path)
        }
        // A real attempt: access() says yes to root on a folder a write would still fail in (/sys, /proc).
        do {
            rmdir(try makeTempDirectory(in: ancestor.path, prefix: ".tidsplan-probe-"))
        } catch AtomicOutputError.io(_, _, let message) {
            throw AtomicOutputError.notWritable(ancestor.path, message: message)
        }
        // A full disk is found now, not after solving: room for the output there is (twice the previous, at least 4 MiB).
        let needed = max(4 << 20, 2 * (exists ? folderBytes(target.path) : 0))
        var fs = statvfs()
        if statvfs(ancestor.path, &fs) == 0 {
            let free = UInt64(fs.f_bavail) * UInt64(fs.f_frsize)
            if free < UInt64(needed) { throw AtomicOutputError.noSpace(ancestor.path, freeBytes: free, neededBytes: UInt64(needed)) }
        }
        guard FileManager.default.fileExists(atPath: parent.path) else { return [] }
        return removeLeftovers(in: parent.path, name: name)
    }

    /// Replacing swaps folders in the parent, which a read-only, immutable or append-only folder would not
    /// stop (and the old one could then not be removed); its owner meant it to stay, so it is refused. A real
    /// attempt, not access(): root passes a permission check that `chattr +i` still fails.
    static func probeWritable(_ folder: String) throws {
        // Append-only would let the probe in but not out again: read the flags first.
        if let flags = attributeFlags(folder) {
            if flags & 0x10 != 0 { throw AtomicOutputError.notWritable(folder, message: "immutable: chattr +i") }
            if flags & 0x20 != 0 { throw AtomicOutputError.notWritable(folder, message: "append-only: chattr +a") }
        }
        // A unique name (mkstemp), so runs and threads probing the same folder at once do not collide.
        var template = Array((folder + "/.tidsplan-probe-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw AtomicOutputError.notWritable(folder, message: String(cString: strerror(errno))) }
        close(fd)
        let probe = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Gone already is fine: a concurrent run swapped the folder out with the probe in it, and removed both.
        if unlink(probe) != 0 && errno != ENOENT { throw AtomicOutputError.notWritable(folder, message: String(cString: strerror(errno))) }
    }

    /// A folder's `chattr` flags (FS_IOC_GETFLAGS: 0x10 immutable, 0x20 append-only); nil where unknown.
    static func attributeFlags(_ path: String) -> Int? {
        #if os(Linux)
        typealias IOCtl = @convention(c) (Int32, UInt, UnsafeMutableRawPointer) -> Int32
        // Looked up at run time: Swift does not import C's variadic ioctl.
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "ioctl") else { return nil }
        let ioctl = unsafeBitCast(symbol, to: IOCtl.self)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var flags = 0  // the kernel writes an int here; 8 bytes leave room either way
        let getFlags: UInt = 0x8008_6601  // FS_IOC_GETFLAGS
        return withUnsafeMutablePointer(to: &flags) { ioctl(fd, getFlags, $0) } == 0 ? flags & 0xFFFF_FFFF : nil
        #else
        return nil
        #endif
    }

    /// Bytes of the files below `path`.
    static func folderBytes(_ path: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        while let rel = walker.nextObject() as? String {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path + "/" + rel))?[.size] as? NSNumber {
                total += size.intValue
            }
        }
        return total
    }

    /// The output folder resolved: itself, its parent, its name and whether it exists (as a folder).
    private static func location(_ directory: String) throws -> (URL, URL, String, Bool) {
        guard !directory.isEmpty else { throw AtomicOutputError.unsafePath(directory, reason: "no output folder given") }
        let target = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        let name = target.lastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw AtomicOutputError.unsafePath(directory, reason: "not a folder name to replace")
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw AtomicOutputError.notADirectory(target.path) }
        return (target, target.deletingLastPathComponent(), name, exists)
    }

    /// Swaps two paths in one atomic step (Linux `renameat2` with `RENAME_EXCHANGE`); false where unsupported.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // Looked up at run time: Glibc's module does not export renameat2 (it needs _GNU_SOURCE).
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentFolder: Int32 = -100  // AT_FDCWD
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(atCurrentFolder, a, atCurrentFolder, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Holds an exclusive lock on a folder for as long as the returned descriptor is open (-1: none).
    private static func lock(_ path: String) -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0 { close(fd); return -1 }
        return fd
    }

    /// Removes `.NAME.tmp-*` and `.NAME.old-*` left by killed runs, and returns those that could not be
    /// removed. A folder a running process holds locked is its work in progress and stays, unnamed. A
    /// leftover made read-only (an old output that was mode 555) is made writable first: it is Tidsplan's own.
    @discardableResult
    private static func removeLeftovers(in parent: String, name: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var stuck: [String] = []
        for entry in entries.sorted() where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            let suffix = entry.dropFirst(name.count + 6)
            guard suffix.count == 6, suffix.allSatisfy({ $0.isLetter || $0.isNumber }) else { continue }
            let path = parent + "/" + entry
            let fd = lock(path)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { continue }
            makeWritable(path)
            if (try? FileManager.default.removeItem(atPath: path)) == nil, FileManager.default.fileExists(atPath: path) {
                stuck.append(path)
            }
        }
        return stuck
    }

    /// Gives the owner write access to every folder below `path`, so its contents can be removed.
    private static func makeWritable(_ path: String) {
        var folders = [path]
        if let walker = FileManager.default.enumerator(atPath: path) {
            while let rel = walker.nextObject() as? String {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path + "/" + rel, isDirectory: &isDir), isDir.boolValue { folders.append(path + "/" + rel) }
            }
        }
        for folder in folders { _ = chmod(folder, 0o755) }
    }

    /// Tests only: `TIDSPLAN_TEST_KILL_AT=before-swap|after-swap` kills the process at that step, to show
    /// that the output folder survives a kill anywhere.
    private static func testHook(_ step: String) {
        if ProcessInfo.processInfo.environment["TIDSPLAN_TEST_KILL_AT"] == step { kill(getpid(), SIGKILL) }
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

    /// A fresh temporary folder, already locked. Between `mkdtemp` and the lock a concurrent run's leftover
    /// sweep can take the folder for a killed run's and remove it (seen in CI: two runs into a new folder), so
    /// the lock is checked to hold the folder still at that path, and a lost one is replaced by another.
    private static func makeLockedTempDirectory(in parent: String, prefix: String) throws -> (String, Int32) {
        for _ in 0..<16 {
            let path = try makeTempDirectory(in: parent, prefix: prefix)
            let fd = lock(path)
            guard fd >= 0 else { continue }  // the sweep holds it: it is being removed
            var held = stat(), there = stat()
            if fstat(fd, &held) == 0, stat(path, &there) == 0, held.st_dev == there.st_dev, held.st_ino == there.st_ino {
                return (path, fd)
            }
            close(fd)  // removed before the lock was taken
        }
        throw ioError(parent, "create a temporary folder")
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
