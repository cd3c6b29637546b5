import ArgumentParser
import Foundation
import TidsplanCore
import TidsplanServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: tr("Dela ut en utdatamapp över HTTP: kalendrar att prenumerera på, länksidan och rapporten.", "Serve an output folder over HTTP: calendars to subscribe to, the links page and the report."),
        discussion: tr("""
        Varje person, kommun och lokal prenumererar en gång på sin kalenders adress (listad på /) och \
        kalenderappen hämtar den på nytt av sig själv. Planera om till samma mapp så delas de nya kalendrarna ut \
        på samma adresser, utan omstart. Lyssnar bara på 127.0.0.1 om inte --host säger annat; sätt en omvänd \
        proxy med HTTPS framför för att nå personer utanför, och ange dess adress med --base-url.
        Exempel: tidsplan serve output/rakna-med-oss-2024 --port 8080
        """, """
        Every person, municipality and venue subscribes once to their calendar's address (listed at /) and \
        their calendar app refreshes it. Re-plan into the same folder and the new calendars are served at the \
        same addresses, without a restart. Listens on 127.0.0.1 only unless --host says otherwise; put a \
        reverse proxy with HTTPS in front to reach people outside, and give its address with --base-url.
        Example: tidsplan serve output/rakna-med-oss-2024 --port 8080
        """))

    @Argument(help: tr("Utdatamappen (skriven av tidsplan plan, replan eller export).", "The output folder (written by plan, replan or export)."))
    var output: String

    @Option(name: .long, help: tr("Adress att lyssna på (standard 127.0.0.1: bara den här datorn; 0.0.0.0: alla nätverk).", "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every network)."))
    var host = "127.0.0.1"

    @Option(name: .long, help: tr("Port att lyssna på (0: valfri ledig port, som skrivs ut vid start).", "Port to listen on (0: any free port, printed on start)."))
    var port = 8080

    @Option(name: .customLong("base-url"), help: tr("Adressen som prenumeranterna använder, t.ex. https://kalender.example.se/plan/ bakom en omvänd proxy (standard: den adress anropet gick till).", "The address subscribers use, e.g. https://kalender.example.se/plan/ behind a reverse proxy (default: the address asked for)."))
    var baseURL: String?

    @Option(name: .long, help: tr("Språk för länksidan: sv (standard) eller en.", "Language of the links page: sv (default) or en."))
    var lang = "sv"

    func validate() throws {
        _ = try parseLanguage(lang)
        guard (0...65_535).contains(port) else { throw refuse("--port ska vara mellan 0 och 65535", "--port must be between 0 and 65535") }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || URL(string: baseURL)?.host == nil {
            throw refuse("--base-url ska vara en adress som börjar med http:// eller https://, t.ex. https://kalender.example.se/plan/",
                         "--base-url must be an http:// or https:// address, e.g. https://kalender.example.se/plan/")
        }
    }

    func run() throws {
        let language = try parseLanguage(lang)
        let sv = language == .sv
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue else {
            FileHandle.standardError.write(Data((sv ? "fel: \(output) är ingen mapp; ange en utdatamapp från tidsplan plan\n"
                                                   : "error: \(output) is not a folder; give an output folder written by tidsplan plan\n").utf8))
            throw ExitCode(1)
        }
        let options = ServeOptions(folder: output, host: host, port: port, baseURL: baseURL, lang: language)
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await CalendarServer.run(options) { url in
                    let line = sv ? "Serverar \(output) på \(url) (kalendrar och länksida; Ctrl-C avslutar)\n"
                                  : "Serving \(output) at \(url) (calendars and links page; Ctrl-C stops)\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            let why = "\(error)"
            // The network library's words are English; the common refusals are said in Swedish.
            let svWhy = why.contains("Address already in use") ? "porten används redan av ett annat program; välj en annan med --port"
                : why.contains("Permission denied") ? "åtkomst nekad (portar under 1024 kräver särskild behörighet); välj en annan med --port"
                : why.contains("Cannot assign requested address") ? "adressen finns inte på den här datorn; kontrollera --host"
                : why
            FileHandle.standardError.write(Data(((sv ? "fel: kunde inte serva på \(host):\(port): \(svWhy)" : "error: could not serve on \(host):\(port): \(why)")
                                                 + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

/// How the server ended (written by its task before it signals, read after).
private final class ServeOutcome: @unchecked Sendable {
    var error: Error?
}
