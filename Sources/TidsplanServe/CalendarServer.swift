import Foundation
import Hummingbird
import Logging
import TidsplanCore
import TidsplanIO

/// How `tidsplan serve` is asked to serve an output folder.
public struct ServeOptions: Sendable {
    /// The output folder (as `plan`, `replan` or `export` write it).
    public var folder: String
    /// Address to listen on: loopback unless asked otherwise.
    public var host: String
    /// 0: any free port (printed on start).
    public var port: Int
    /// Where subscribers reach the folder (`https://example.org/plan/`) when a reverse proxy is in front;
    /// nil: the address the request came to.
    public var baseURL: String?
    public var lang: Language

    public init(folder: String, host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil, lang: Language = .sv) {
        self.folder = folder; self.host = host; self.port = port; self.baseURL = baseURL; self.lang = lang
    }
}

/// `tidsplan serve OUTPUT`: the output folder over HTTP, so people subscribe to their calendar once and
/// their calendar app refreshes it. `/` is the links page; every file of the folder is served as it is
/// (calendars as `text/calendar; charset=utf-8`) with a strong ETag and Last-Modified, and conditional
/// requests get 304. Each request opens the file anew: after a re-plan swaps a new output into the same
/// folder (atomically, see `AtomicOutput`), the next request gets the new files, never a half-written one.
/// Only GET and HEAD; nothing outside the folder, no hidden files, no folder listings.
public enum CalendarServer {
    /// Runs until SIGINT or SIGTERM. `onListening` gets the address it listens on (the port chosen when 0).
    public static func run(_ options: ServeOptions, onListening: @escaping @Sendable (String) -> Void) async throws {
        let folder = ServedFolder(root: options.folder, baseURL: options.baseURL, lang: options.lang)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in folder.respond(to: request) }
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "Tidsplan"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                onListening("http://\(host):\(port)/")
            },
            logger: {
                var logger = Logger(label: "tidsplan-serve")
                logger.logLevel = .error
                return logger
            }())
        try await app.runService()
    }
}

/// The files of one output folder as HTTP responses.
struct ServedFolder: Sendable {
    /// Longest request target accepted (longer: 414); the folder's paths are far shorter.
    static let maxTargetBytes = 2048

    let root: String
    let baseURL: String?
    let lang: Language

    func respond(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD.\n", extra: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? "/"
        guard target.utf8.count <= Self.maxTargetBytes else { return Self.text(.uriTooLong, "Request target too long.\n") }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > 0 {
            return Self.text(.contentTooLarge, "A GET carries no body.\n")
        }
        guard let path = Self.relativePath(request.uri.path) else { return Self.text(.notFound, "Not found.\n") }
        let response: Response
        if path.isEmpty || path == "index.html" {
            response = indexPage(request)
        } else {
            response = file(path, request: request)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// The path below the folder, or nil for anything that could leave it or name a hidden file.
    static func relativePath(_ raw: String) -> String? {
        guard let decoded = raw.removingPercentEncoding else { return nil }
        if decoded == "/" || decoded.isEmpty { return "" }
        guard decoded.hasPrefix("/"), !decoded.contains("\\"), !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        let parts = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return nil }
        return parts.joined(separator: "/")
    }

    func file(_ path: String, request: Request) -> Response {
        guard let (bytes, modified) = read(path) else { return Self.text(.notFound, "Not found.\n") }
        let type = Self.contentType(path)
        var lastModified = modified
        // A calendar was last modified when its latest event was (its bytes change only with its events).
        if path.hasSuffix(".ics"), let latest = Self.latestEventChange(bytes) { lastModified = latest }
        return Self.conditional(bytes, type: type, lastModified: lastModified, request: request)
    }

    /// The file's bytes and modification time; nil when it is not a regular file inside the folder.
    /// Opened afresh per request, once more if it vanished in the instant a re-plan swapped the folder.
    func read(_ path: String) -> (Data, Date)? {
        let full = root + "/" + path
        for attempt in 0..<2 {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: full) else {
                if attempt == 0 { continue } else { return nil }
            }
            guard attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
            // A symbolic link inside the folder must not lead out of it.
            let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(resolvedRoot + "/") else { return nil }
            guard let data = FileManager.default.contents(atPath: full) else { continue }
            return (data, attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0))
        }
        return nil
    }

    func indexPage(_ request: Request) -> Response {
        var entries: [SubscribePage.Entry] = []
        var title = ""
        let calendars = root + "/calendars"
        let walker = FileManager.default.enumerator(atPath: calendars)
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix(".ics"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let (data, _) = read("calendars/" + relative) else { continue }
            let name = SubscribePage.calendarName(String(decoding: data.prefix(8000), as: UTF8.self)) ?? relative
            if relative == "all.ics" { title = Self.projectName(name) }
            entries.append(SubscribePage.Entry(path: "calendars/" + relative, name: name))
        }
        let base = baseURL ?? "http://" + (request.head.authority ?? "localhost") + "/"
        let html = SubscribePage.html(title: title.isEmpty ? "Tidsplan" : title, entries: entries, lang: lang, baseURL: base)
        return Self.conditional(Data(html.utf8), type: "text/html; charset=utf-8", lastModified: nil, request: request)
    }

    /// "Räkna med oss!: alla tillfällen" → "Räkna med oss!".
    static func projectName(_ allName: String) -> String {
        for suffix in [": alla tillfällen", ": all sessions"] where allName.hasSuffix(suffix) { return String(allName.dropLast(suffix.count)) }
        return allName
    }

    /// 200 with the body, or 304 when the client's copy is current (If-None-Match first, else If-Modified-Since).
    static func conditional(_ bytes: Data, type: String, lastModified: Date?, request: Request) -> Response {
        let etag = "\"" + CalendarSeries.digest(String(decoding: bytes, as: UTF8.self)) + "-" + String(bytes.count) + "\""
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "no-cache"]
        if let lastModified { headers[.lastModified] = HTTPDate.text(lastModified) }
        let notModified: Bool
        if let match = request.headers[.ifNoneMatch] {
            notModified = match.split(separator: ",").contains { tag in
                let t = tag.trimmingCharacters(in: .whitespaces)
                return t == "*" || t == etag || t == "W/" + etag
            }
        } else if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse), let lastModified {
            notModified = floor(lastModified.timeIntervalSince1970) <= since.timeIntervalSince1970
        } else {
            notModified = false
        }
        if notModified { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = type
        headers[.contentLength] = String(bytes.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .contentLength: String(message.utf8.count)]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "ics": return "text/calendar; charset=utf-8"
        case "html": return "text/html; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "json": return "application/json"
        default: return "application/octet-stream"
        }
    }

    /// The latest LAST-MODIFIED in a calendar file.
    static func latestEventChange(_ bytes: Data) -> Date? {
        var latest: String?
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\r\n") where line.hasPrefix("LAST-MODIFIED:") {
            let value = String(line.dropFirst("LAST-MODIFIED:".count))
            if latest.map({ value > $0 }) ?? true { latest = value }
        }
        return latest.flatMap(ICalTimestamp.init(text:)).map { Date(timeIntervalSince1970: TimeInterval($0.secondsSince1970)) }
    }
}

/// HTTP dates (RFC 9110 5.6.7), `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    static func formatter() -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f
    }

    static func text(_ date: Date) -> String { formatter().string(from: date) }
    static func parse(_ text: String) -> Date? { formatter().date(from: text) }
}
