import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tidsplan serve` as subscribers meet it: the test starts the server on a free loopback port, and a real
/// subscription client (vdirsyncer from Debian, syncing into khal calendars) follows a trainer's and a
/// municipality's address through a plan and two re-plans into the same folder (Norrköpinge out, then
/// Sörby out), with the server running all along.
@Suite(.serialized) struct ServeCommandTests {
    static let scenario = TidsplanCLI.packageFile("scenarios/tests/replan-county.yaml")

    static func tool(_ name: String) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { String($0) + "/" + name }
        return try #require(path.first { FileManager.default.isExecutableFile(atPath: $0) },
                            "\(name) is missing: install it with scripts/ensure-deps --test")
    }

    /// Starts `tidsplan serve FOLDER --port 0` and returns it with the address it printed.
    static func startServer(_ folder: String, in work: TempFolder, _ extra: [String] = []) throws -> (RunningCommand, String) {
        let server = try TidsplanCLI.start(["serve", folder, "--port", "0"] + extra, cwd: work.path)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(60))
        while clock.now < deadline {
            if let range = server.stdoutSoFar().range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                return (server, String(server.stdoutSoFar()[range]))
            }
            if !server.process.isRunning { break }
            usleep(50_000)
        }
        let r = server.wait(timeout: 1)
        Issue.record("tidsplan serve did not start: \(r.transcript)")
        throw CocoaError(.fileReadUnknown)
    }

    @Test func aTrainerAndAMunicipalitySubscribeThroughTwoReplans() throws {
        let vdirsyncer = try Self.tool("vdirsyncer"), khal = try Self.tool("khal")
        let work = try TempFolder("serve")
        let plan = try TidsplanCLI.run(["plan", Self.scenario, "--out", "site", "--quiet"], cwd: work.path,
                                       environment: ["TIDSPLAN_NOW": "20250101T080000Z"])
        #expect(plan.status == 0, "\(plan.transcript)")
        let (server, base) = try Self.startServer("site", in: work)
        defer { server.interrupt(); _ = server.wait(timeout: 20) }
        let port = try #require(Int(base.split(separator: ":").last?.filter(\.isNumber) ?? ""))

        // The trainer: whoever leads a session after the first re-plan's date that seats Norrköpinge.
        let v1 = try PlanFile(work.file("site/plan.json"))
        let trainer = try #require(v1.plannedTraining.first {
            ($0["date"]?.string ?? "") > "2025-03-31" && ($0["seats"]?["Norrköpinge"]?.number ?? 0) > 0
        }?["leaders"]?.array?.first?.string)
        func pathOf(_ owner: String) throws -> String {
            try #require((v1.json["calendarSeries"]?.array ?? []).first { $0["owner"]?.string == owner }?["path"]?.string)
        }
        let trainerPath = try pathOf(trainer), municipalityPath = try pathOf("Norrköpinge")

        // The links page names both, with webcal:// and http:// addresses.
        let index = try HTTP.get(port, "/")
        #expect(index.status == 200 && index.header("content-type") == "text/html; charset=utf-8")
        for p in [trainerPath, municipalityPath] {
            #expect(index.body.contains("webcal://127.0.0.1:\(port)/\(p)") && index.body.contains("http://127.0.0.1:\(port)/\(p)"),
                    "\(index.body)")
        }

        // vdirsyncer syncs each address into its own khal calendar.
        let config = try work.write("vdirsyncer.conf", """
            [general]
            status_path = "\(work.file("vdir-status"))"

            [pair trainer]
            a = "trainer_remote"
            b = "trainer_local"
            collections = null
            conflict_resolution = "a wins"

            [storage trainer_remote]
            type = "http"
            url = "\(base)\(trainerPath)"

            [storage trainer_local]
            type = "filesystem"
            path = "\(work.file("vdir/trainer"))"
            fileext = ".ics"

            [pair municipality]
            a = "municipality_remote"
            b = "municipality_local"
            collections = null
            conflict_resolution = "a wins"

            [storage municipality_remote]
            type = "http"
            url = "\(base)\(municipalityPath)"

            [storage municipality_local]
            type = "filesystem"
            path = "\(work.file("vdir/municipality"))"
            fileext = ".ics"

            """)
        try FileManager.default.createDirectory(atPath: work.file("vdir/trainer"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work.file("vdir/municipality"), withIntermediateDirectories: true)
        let khalConfig = try work.write("khal.conf", """
            [calendars]
            [[trainer]]
            path = \(work.file("vdir/trainer"))
            type = calendar
            [[municipality]]
            path = \(work.file("vdir/municipality"))
            type = calendar
            [[merged]]
            path = \(work.file("merged"))
            type = calendar

            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            local_timezone = Europe/Stockholm
            default_timezone = Europe/Stockholm

            [default]
            default_calendar = merged

            """)
        try FileManager.default.createDirectory(atPath: work.file("merged"), withIntermediateDirectories: true)
        let env = ["XDG_CONFIG_HOME": work.file("config"), "XDG_DATA_HOME": work.file("data"),
                   "XDG_CACHE_HOME": work.file("cache"), "TZ": "Europe/Stockholm", "HOME": work.path]

        func sync(sourceLocation: SourceLocation = #_sourceLocation) throws {
            for args in [["-c", config, "discover"], ["-c", config, "sync"]] {
                let r = try ExternalTool.run(vdirsyncer, args, environment: env)
                #expect(r.status == 0, "vdirsyncer \(args.last ?? ""): \(r.output)", sourceLocation: sourceLocation)
            }
        }
        /// khal's lines for one calendar ("2025-04-24 09:00 title").
        func listed(_ calendar: String) throws -> [String] {
            let r = try ExternalTool.run(khal, ["-c", khalConfig, "list", "-a", calendar, "--format", "{start-date} {start-time} {title}",
                                                "2025-01-01", "2025-12-31"], environment: env)
            #expect(r.status == 0, "\(r.output)")
            return r.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("2025-") }
        }
        /// The synced store holds exactly the served file's events, each as served (nothing stale, nothing twice).
        func expectMirrors(_ local: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let served = try HTTP.get(port, "/" + path)
            var stored: [String] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: work.file(local)) where name.hasSuffix(".ics") {
                stored += Self.events(fileText(work.file(local + "/" + name)) ?? "")
            }
            let remote = Self.events(served.body)
            #expect(!remote.isEmpty && stored.sorted() == remote, "\(local) differs from \(path):\n\(stored.sorted())\n\(remote)",
                    sourceLocation: sourceLocation)
        }
        /// Every session the plan holds for the trainer is confirmed in khal, once; nothing else is.
        func expectTrainerCurrent(_ planPath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let plan = try PlanFile(work.file(planPath))
            let held = plan.sessions.filter {
                $0["status"]?.string == "planned" && ($0["leaders"]?.array ?? []).contains { $0.string == trainer }
            }
            let lines = try listed("trainer")
            #expect(Set(lines).count == lines.count, "duplicates:\n\(lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
            let confirmed = lines.filter { !$0.contains("INSTÄLLT: ") }
            #expect(confirmed.count == held.count, "\(confirmed) against \(held.count) held", sourceLocation: sourceLocation)
            for s in held {
                let day = s["date"]?.string ?? ""
                #expect(confirmed.contains { $0.hasPrefix(day) }, "\(s["id"]?.string ?? "") on \(day) is missing", sourceLocation: sourceLocation)
            }
        }

        try sync()
        try expectMirrors("vdir/trainer", trainerPath)
        try expectMirrors("vdir/municipality", municipalityPath)
        try expectTrainerCurrent("site/plan.json")

        // Nothing changed: a conditional GET is answered 304, a HEAD like the GET without a body.
        let first = try HTTP.get(port, "/" + trainerPath)
        #expect(first.status == 200 && first.header("content-type") == "text/calendar; charset=utf-8")
        let etag = try #require(first.header("etag")), modified = try #require(first.header("last-modified"))
        #expect(try HTTP.get(port, "/" + trainerPath, headers: ["If-None-Match": etag]).status == 304)
        #expect(try HTTP.get(port, "/" + trainerPath, headers: ["If-Modified-Since": modified]).status == 304)
        let head = try HTTP.request(port, "HEAD", "/" + trainerPath)
        #expect(head.status == 200 && head.body.isEmpty && head.header("etag") == etag
                && head.header("content-length") == first.header("content-length"))

        // Before each re-plan, every served file's bytes and ETag.
        func snapshot() throws -> [String: (body: String, etag: String)] {
            var out: [String: (body: String, etag: String)] = [:]
            for (path, _) in FolderSnapshot(work.file("site/calendars")).files {
                let r = try HTTP.get(port, "/calendars/" + path)
                out["calendars/" + path] = (r.body, r.header("etag") ?? "")
            }
            return out
        }
        let steps: [(asOf: String, withdraw: String)] = [("2025-03-31", "Norrköpinge"), ("2025-04-20", "Sörby")]
        for (k, step) in steps.enumerated() {
            let before = try snapshot()
            let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "site/plan.json", "--as-of", step.asOf,
                                         "--withdraw", step.withdraw, "--out", "site", "--quiet", "--no-scratch-comparison"],
                                        cwd: work.path, environment: ["TIDSPLAN_NOW": k == 0 ? "20250401T080000Z" : "20250421T080000Z"])
            #expect(r.status == 0, "\(r.transcript)")
            // The running server serves the new files; an unchanged file still answers 304 to its old ETag.
            var unchanged = 0
            for (path, old) in before {
                let now = try HTTP.get(port, "/" + path, headers: ["If-None-Match": old.etag])
                if now.status == 304 {
                    unchanged += 1
                    #expect(fileText(work.file("site/" + path)) == old.body, "\(path): 304 but changed")
                } else {
                    #expect(now.status == 200 && now.body == fileText(work.file("site/" + path)), "\(path): \(now.status)")
                }
            }
            #expect(unchanged > 0 && unchanged < before.count, "\(unchanged) of \(before.count) unchanged")
            try sync()
            try expectMirrors("vdir/trainer", trainerPath)
            try expectMirrors("vdir/municipality", municipalityPath)
            try expectTrainerCurrent("site/plan.json")
            // Norrköpinge takes part in nothing after its date: every event then is cancelled in its calendar.
            let after = try listed("municipality").filter { $0 > "2025-04-01" }
            #expect(!after.isEmpty && after.allSatisfy { $0.contains("INSTÄLLT: ") }, "stale:\n\(after.joined(separator: "\n"))")
        }

        // The trainer's and the municipality's files in one khal calendar: every session the trainer still
        // leads is there confirmed (the municipality's cancelled copies have UIDs of their own).
        for path in [trainerPath, municipalityPath] {
            let r = try ExternalTool.run(khal, ["-c", khalConfig, "import", "--batch", "-a", "merged", work.file("site/" + path)],
                                         environment: env)
            #expect(r.status == 0, "\(r.output)")
        }
        let merged = try listed("merged").filter { !$0.contains("INSTÄLLT: ") }
        let trainerLines = try listed("trainer").filter { !$0.contains("INSTÄLLT: ") }
        #expect(Set(trainerLines).isSubset(of: Set(merged)), "\(trainerLines) not all confirmed in \(merged)")

        // Nothing outside the folder, no hidden files, no listings; only GET and HEAD; bounded requests.
        for target in ["/../plan.json", "/%2e%2e/%2e%2e/etc/passwd", "/calendars/", "/.site.tmp-x/plan.json", "/calendars%2f..%2f..%2fx"] {
            #expect(try HTTP.get(port, target).status == 404, "\(target)")
        }
        #expect(try HTTP.get(port, "/" + String(repeating: "a", count: 5000)).status == 414)
        #expect(try HTTP.request(port, "POST", "/plan.json").status == 405)
        #expect(try HTTP.get(port, "/plan.json").status == 200)
    }

    @Test func refusesWhatIsNoFolderAndBindsLoopbackOnly() throws {
        let work = try TempFolder("serve-refuse")
        let r = try TidsplanCLI.run(["serve", "missing", "--port", "0"], cwd: work.path)
        #expect(r.status == 1 && r.stderr.contains("missing") && r.endedCleanly, "\(r.transcript)")
        let bad = try TidsplanCLI.run(["serve", ".", "--base-url", "ftp://x"], cwd: work.path)
        #expect(bad.status != 0 && bad.stderr.contains("--base-url"), "\(bad.transcript)")
        try FileManager.default.createDirectory(atPath: work.file("empty"), withIntermediateDirectories: true)
        let (server, base) = try Self.startServer("empty", in: work, ["--base-url", "https://kalender.example.invalid/plan/", "--lang", "en"])
        defer { server.interrupt(); _ = server.wait(timeout: 20) }
        #expect(base.hasPrefix("http://127.0.0.1:"))
        let port = try #require(Int(base.split(separator: ":").last?.filter(\.isNumber) ?? ""))
        let index = try HTTP.get(port, "/")
        #expect(index.status == 200 && index.body.contains("<html lang=\"en\">"), "\(index.body)")
    }

    /// Every event of a calendar text as "DTSTART SUMMARY STATUS". vdirsyncer's http storage gives the items
    /// it syncs UIDs of its own (hashes of their content), so events are compared by what they show.
    static func events(_ text: String) -> [String] {
        var out: [String] = []
        var fields: [String: String] = [:]
        // Tidsplan writes CRLF; vdirsyncer stores what it synced with plain LF.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n ", with: "")
        for line in lines.components(separatedBy: "\n") {
            if line == "BEGIN:VEVENT" { fields = [:]; continue }
            if line == "END:VEVENT" {
                out.append([fields["DTSTART"] ?? "", fields["SUMMARY"] ?? "", fields["STATUS"] ?? ""].joined(separator: " "))
                continue
            }
            for name in ["DTSTART", "SUMMARY", "STATUS"] where line.hasPrefix(name + ":") || line.hasPrefix(name + ";") {
                fields[name] = String(line[line.index(after: line.firstIndex(of: ":") ?? line.startIndex)...])
            }
        }
        return out.sorted()
    }
}

/// One HTTP/1.1 request over a fresh loopback connection, read to its end (`Connection: close`).
enum HTTP {
    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: String
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name }?.1 }
    }

    static func get(_ port: Int, _ target: String, headers: [String: String] = [:]) throws -> Reply {
        try request(port, "GET", target, headers: headers)
    }

    static func request(_ port: Int, _ method: String, _ target: String, headers: [String: String] = [:],
                        body: String = "") throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CocoaError(.fileReadNoPermission) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.utf8.count)\r\n" }
        let bytes = Array((text + "\r\n" + body).utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let reply = String(decoding: data, as: UTF8.self)
        let parts = reply.components(separatedBy: "\r\n\r\n")
        let head = parts.first?.components(separatedBy: "\r\n") ?? []
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let fields = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Reply(status: status, headers: fields, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
