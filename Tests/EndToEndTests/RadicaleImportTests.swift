import Foundation
import Testing
import TidsplanIO

/// A coordinator who also leads puts her leader calendar and her municipality's calendar into one CalDAV
/// collection (Radicale, from Debian's python3-radicale, started by the test on loopback). Radicale refuses
/// one UID under two names (409, no-uid-conflict); per-file UIDs never meet that, and every session she
/// still leads reads confirmed in the collection after Norrköpinge withdrew.
@Suite struct RadicaleImportTests {
    static let python = "/usr/bin/python3"
    static let login = ["Authorization": "Basic " + Data("tester:x".utf8).base64EncodedString()]

    /// Each event of a calendar file as a calendar object of its own (VTIMEZONE kept), as an importer splits it.
    static func objects(_ text: String) -> [String] {
        let unfolded = ICalFormat.unfold(text)
        let head = unfolded.components(separatedBy: "BEGIN:VEVENT\r\n")[0]
        let frame = head.replacingOccurrences(of: "END:VCALENDAR\r\n", with: "")
        return unfolded.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst().map { part in
            let event = part.components(separatedBy: "END:VEVENT\r\n")[0]
            return frame + "BEGIN:VEVENT\r\n" + event + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        }
    }

    /// Starts Radicale with an empty store; returns it and its port.
    static func startRadicale(_ work: TempFolder) throws -> (RunningCommand, Int) {
        let probe = try ExternalTool.run(python, ["-c", "import radicale"])
        try #require(probe.status == 0, "python3-radicale is missing: install it with scripts/ensure-deps --test (\(probe.output))")
        let server = try RunningCommand(binary: python, arguments: [
            "-m", "radicale", "--storage-filesystem-folder=" + work.file("store"), "--server-hosts=127.0.0.1:0",
            "--auth-type=none", "--rights-type=owner_only", "--logging-level=info",
        ], cwd: work.path, environment: ["HOME": work.path])
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(60))
        while clock.now < deadline {
            let log = server.stderrSoFar() + server.stdoutSoFar()
            if let r = log.range(of: #"Listening on '\[127\.0\.0\.1\]:[0-9]+'"#, options: .regularExpression),
               let port = Int(log[r].split(separator: ":").last?.filter(\.isNumber) ?? "") {
                return (server, port)
            }
            if !server.process.isRunning { break }
            usleep(50_000)
        }
        Issue.record("Radicale did not start: \(server.stderrSoFar())")
        throw CocoaError(.fileReadUnknown)
    }

    @Test func aLeaderAndAMunicipalityFileShareOneCollection() throws {
        let work = try ReplanScenarioTests().workWithBase()
        try ReplanScenarioTests().replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"])
        let plan = try PlanFile(work.file("r1/plan.json"))
        // A leader of a session after the date that seated Norrköpinge before: it left Norrköpinge's file.
        let before = try PlanFile(work.file("v1/plan.json"))
        let leader = try #require(before.plannedTraining.first {
            ($0["date"]?.string ?? "") > "2025-03-31" && ($0["seats"]?["Norrköpinge"]?.number ?? 0) > 0
        }?["leaders"]?.array?.first?.string)
        let series = plan.json["calendarSeries"]?.array ?? []
        let leaderPath = try #require(series.first { $0["owner"]?.string == leader }?["path"]?.string)
        let files = [leaderPath: try #require(fileText(work.file("r1/" + leaderPath))),
                     "calendars/municipalities/norrkopinge.ics": try #require(fileText(work.file("r1/calendars/municipalities/norrkopinge.ics")))]

        let (radicale, port) = try Self.startRadicale(work)
        defer { radicale.interrupt(); _ = radicale.wait(timeout: 20) }
        func upload(_ files: [String: String], into collection: String) throws -> [Int] {
            #expect(try HTTP.request(port, "MKCALENDAR", collection, headers: Self.login).status == 201)
            var statuses: [Int] = []
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                for (k, object) in Self.objects(text).enumerated() {
                    let href = collection + SafeFileName.make(path) + "-\(k).ics"
                    statuses.append(try HTTP.request(port, "PUT", href, headers: Self.login.merging(["Content-Type": "text/calendar"]) { a, _ in a },
                                                     body: object).status)
                }
            }
            return statuses
        }
        let statuses = try upload(files, into: "/tester/plan/")
        #expect(!statuses.isEmpty && statuses.allSatisfy { $0 == 201 }, "\(statuses)")
        let collection = try HTTP.get(port, "/tester/plan/", headers: Self.login)
        #expect(collection.status == 200)
        let merged = CalendarUpdateCheck.merged(["collection": collection.body])
        let held = plan.sessions.filter {
            $0["status"]?.string == "planned" && ($0["leaders"]?.array ?? []).contains { $0.string == leader }
        }
        #expect(!held.isEmpty)
        for s in held {
            let id = s["id"]?.string ?? ""
            #expect(merged.values.contains { $0.uid.hasPrefix(id + ".") && $0.status == "CONFIRMED" },
                    "\(id), held and led by \(leader), is not confirmed in the collection")
        }
        // The same two files with one UID per session in every file (as calendars were published before)
        // do meet Radicale's refusal: the check has teeth.
        let shared = files.mapValues {
            ICalFormat.unfold($0).replacingOccurrences(of: #"(?m)^UID:([^\r]*?)\.(leaders|municipalities|venues)\.[a-z0-9-]+@"#,
                                                       with: "UID:$1@", options: .regularExpression)
        }
        #expect(try upload(shared, into: "/tester/old/").contains(409))
    }
}
