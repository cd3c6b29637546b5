import TidsplanCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is wrong with an input path before it is opened: opening a named pipe would block forever, and
/// a symbolic link loop is not "no such file".
public enum InputFileProblem: Equatable, Sendable {
    case missing
    case danglingLink
    case linkLoop
    case folder
    case fifo
    case notRegular
    case unreadable(String)

    /// The problem of `path` (nil: a regular file, following links).
    public static func of(_ path: String) -> InputFileProblem? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ELOOP { return .linkLoop }
            if code == ENOENT {
                var link = stat()
                return lstat(path, &link) == 0 ? .danglingLink : .missing
            }
            return .unreadable(String(cString: strerror(code)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        case S_IFIFO: return .fifo
        default: return .notRegular
        }
    }

    public var message: String {
        switch self {
        case .missing: return "no such file"
        case .danglingLink: return "a symbolic link to a file that does not exist"
        case .linkLoop: return "a loop of symbolic links (a link that leads back to itself)"
        case .folder: return "this is a folder, not a file"
        case .fifo: return "a named pipe (FIFO), not a file; Tidsplan reads regular files only"
        case .notRegular: return "not a regular file (a device or socket); Tidsplan reads regular files only"
        case .unreadable(let why): return "cannot be read: \(why)"
        }
    }

    public var svMessage: String {
        switch self {
        case .missing: return "filen finns inte"
        case .danglingLink: return "en symbolisk länk till en fil som inte finns"
        case .linkLoop: return "en slinga av symboliska länkar (en länk som leder tillbaka till sig själv)"
        case .folder: return "detta är en mapp, inte en fil"
        case .fifo: return "ett namngivet rör (FIFO), inte en fil; Tidsplan läser bara vanliga filer"
        case .notRegular: return "inte en vanlig fil (en enhet eller sockel); Tidsplan läser bara vanliga filer"
        case .unreadable(let why): return "kan inte läsas: \(why)"
        }
    }

    public func message(_ lang: Language) -> String { lang == .sv ? svMessage : message }
    public var text: Bilingual { Bilingual(svMessage, message) }
}
