import Foundation
import Testing
import TidsplanCore
import TidsplanIO

// Fuzzing the scenario input (issue 8, "Bad input"): the shipped scenarios are mutated with a seeded,
// deterministic generator (deleted keys, wrong types, huge numbers, negative values, dates out of range,
// unknown names, duplicated entries, binary noise, control characters, deep nesting, truncation) and fed
//   - in process to `ScenarioLoader.load(text:file:)`: every case must end in diagnostics that point into
//     the file, with no scenario when there is an error (a trap would kill the test run);
//   - for a few cases, to the built `tidsplan check` and `tidsplan plan --time-limit 5` (subprocesses):
//     an exit, never a signal; a diagnostic with every non-zero exit; no hang; no partial output folder.
//
// TIDSPLAN_FUZZ_CASES=5000 swift test --filter FuzzScenarioTests   runs a longer campaign
// TIDSPLAN_FUZZ_SEED=N                                             starts from another seed
// TIDSPLAN_FUZZ_PROCESSES=N                                        runs N cases through the binary (default 6)
// A failing case is written to $TMPDIR/tidsplan-fuzz-failures/ and named in the failure message;
// minimal repros of real crashes are kept in Tests/EndToEndTests/FuzzCrashers/ and replayed below.

// MARK: - A deterministic generator

/// SplitMix64: tiny, fast, and the same numbers on every platform (no system random, no clock).
struct FuzzRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

// MARK: - Mutations

enum FuzzMutation: String, CaseIterable, Sendable {
    case deleteKey, deleteBlock, wrongType, hugeNumber, negativeNumber, dateOutOfRange, unknownName,
         duplicateEntry, binaryNoise, controlCharacters, deepNesting, aliasBomb, truncate, reindent, swapLines
}

/// One fuzz case: the bytes of a mutated scenario file and how they were made.
struct FuzzCase: Sendable {
    let index: Int
    let seed: UInt64
    let base: String
    let mutations: [String]
    let bytes: [UInt8]

    var name: String { "fuzz-\(index).yaml" }
    var summary: String { "case \(index) (seed \(seed)) from \(base): \(mutations.joined(separator: "; "))" }
}

enum FuzzScenarios {
    /// The repository root, found from this file's path (Tests/EndToEndTests/FuzzScenarioTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let baseNames = ["rakna-med-oss-2024.yaml", "rakna-med-mig-2020.yaml", "vagar-till-egenforsorjning-2020.yaml"]

    /// The shipped scenarios, then the small test scenarios in scenarios/tests/ (read once, sorted by name).
    /// The small ones plan in well under a second, so valid mutations of them can go through `plan`.
    static let bases: [(name: String, text: String)] = {
        let folder = root.appendingPathComponent("scenarios")
        let tests = ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tests").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "tests/" + $0 }
        return (baseNames + tests).compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return (name, String(decoding: data, as: UTF8.self))
        }
    }()

    /// Bases quick enough to plan in a test.
    static func isSmall(_ base: String) -> Bool { base.hasPrefix("tests/") }

    static func environmentInt(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    static var caseCount: Int { max(1, environmentInt("TIDSPLAN_FUZZ_CASES") ?? 300) }
    static var firstSeed: UInt64 { UInt64(max(0, environmentInt("TIDSPLAN_FUZZ_SEED") ?? 20_240_318)) }

    static func makeCase(_ index: Int, firstSeed: UInt64) -> FuzzCase {
        let seed = firstSeed &+ UInt64(index)
        var rng = FuzzRandom(seed: seed)
        let base = bases[rng.below(bases.count)]
        var doc = FuzzDocument(text: base.text)
        var applied: [String] = []
        for _ in 0...rng.below(3) {
            let m = rng.pick(FuzzMutation.allCases)
            applied.append(doc.apply(m, &rng))
        }
        return FuzzCase(index: index, seed: seed, base: base.name, mutations: applied, bytes: doc.bytes)
    }
}

/// A scenario file being mutated: line-based edits for YAML structure, byte edits for noise.
struct FuzzDocument {
    var lines: [String]
    /// Set once a byte-level mutation has made the text possibly not UTF-8.
    private var rawBytes: [UInt8]?

    init(text: String) { lines = text.components(separatedBy: "\n") }

    var bytes: [UInt8] { rawBytes ?? Array(lines.joined(separator: "\n").utf8) }

    /// `key: value` slots on a line: the value's range, with quoted strings, numbers, dates and words.
    static let slotPattern = try? NSRegularExpression(
        pattern: #"([A-Za-z]+): ("[^"]*"|[^,{}\[\]#\s][^,{}\[\]#]*)"#)
    static let numberPattern = try? NSRegularExpression(pattern: #"^-?[0-9][0-9_]*(\.[0-9]+)?$"#)
    static let datePattern = try? NSRegularExpression(pattern: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#)
    static let nameKeys: Set<String> = ["name", "id", "course", "venue", "countyPart", "area", "role", "leader", "town",
                                        "delivery", "attendance", "mode"]

    struct Slot { let line: Int; let key: String; let range: Range<String.Index>; let value: String }

    func slots(where accept: (Slot) -> Bool) -> [Slot] {
        guard let pattern = Self.slotPattern else { return [] }
        var out: [Slot] = []
        for (i, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("#") { continue }
            let ns = line as NSString
            for m in pattern.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                guard let keyRange = Range(m.range(at: 1), in: line), let valueRange = Range(m.range(at: 2), in: line) else { continue }
                let value = String(line[valueRange]).trimmingCharacters(in: .whitespaces)
                let slot = Slot(line: i, key: String(line[keyRange]), range: valueRange, value: value)
                if accept(slot) { out.append(slot) }
            }
        }
        return out
    }

    static func matches(_ pattern: NSRegularExpression?, _ s: String) -> Bool {
        guard let pattern else { return false }
        return pattern.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
    }

    mutating func replace(_ slot: Slot, with text: String) {
        var line = lines[slot.line]
        line.replaceSubrange(slot.range, with: text)
        lines[slot.line] = line
    }

    /// Lines that open a mapping key (`  key:` at the start), not comments.
    func keyLines() -> [Int] {
        lines.indices.filter { i in
            let t = lines[i].drop { $0 == " " }
            guard let first = t.first, first != "#", first != "-" else { return false }
            return t.contains(":")
        }
    }

    func indent(_ i: Int) -> Int { lines[i].prefix { $0 == " " }.count }

    /// The line and the more indented lines under it.
    func blockEnd(from i: Int) -> Int {
        var j = i + 1
        let base = indent(i) + (lines[i].drop { $0 == " " }.hasPrefix("- ") ? 1 : 0)
        while j < lines.count, lines[j].trimmingCharacters(in: .whitespaces).isEmpty || indent(j) > base { j += 1 }
        return j
    }

    /// Applies one mutation and says what it did (line numbers are 1-based).
    mutating func apply(_ m: FuzzMutation, _ rng: inout FuzzRandom) -> String {
        if rawBytes != nil, m != .binaryNoise, m != .truncate {
            // After byte noise, keep to byte-level edits so the noise survives.
            return apply(.truncate, &rng)
        }
        switch m {
        case .deleteKey:
            let keys = keyLines()
            guard !keys.isEmpty else { return "deleteKey: none" }
            let i = rng.pick(keys)
            let removed = lines.remove(at: i)
            return "deleteKey line \(i + 1) \(removed.trimmingCharacters(in: .whitespaces).prefix(40))"
        case .deleteBlock:
            let keys = keyLines()
            guard !keys.isEmpty else { return "deleteBlock: none" }
            let i = rng.pick(keys)
            let end = blockEnd(from: i)
            lines.removeSubrange(i..<end)
            return "deleteBlock lines \(i + 1)-\(end)"
        case .wrongType:
            let all = slots { _ in true }
            guard !all.isEmpty else { return "wrongType: none" }
            let s = rng.pick(all)
            let v = rng.pick(["[1, 2]", "{a: 1}", "true", "null", "~", "\"\"", "abc", "2024-01-01", "12:30", "3.5", "-",
                              "[]", "{}", "*nowhere", "&anchor", "!!binary aGVsbG8=", "!!int x", "!!float abc", "'quoted'",
                              "|", ">", "@", "`", "%", "\"\\u0000\"", "0o17", "0x1F", "1e3", "Ja", "Nej"])
            replace(s, with: v)
            return "wrongType line \(s.line + 1) \(s.key): \(v)"
        case .hugeNumber:
            let numbers = slots { Self.matches(Self.numberPattern, $0.value) }
            guard !numbers.isEmpty else { return "hugeNumber: none" }
            let s = rng.pick(numbers)
            let v = rng.pick(["99999999999999999999999", "1e400", "-1e400", "9223372036854775807", "-9223372036854775808",
                              "9223372036854775808", "1e15", "2147483648", ".inf", "-.inf", ".nan", "0x7fffffffffffffff",
                              "1_000_000_000_000", "100000", "1000001", "4.9e-324", "1.7976931348623157e308"])
            replace(s, with: v)
            return "hugeNumber line \(s.line + 1) \(s.key): \(v)"
        case .negativeNumber:
            let numbers = slots { Self.matches(Self.numberPattern, $0.value) }
            guard !numbers.isEmpty else { return "negativeNumber: none" }
            let s = rng.pick(numbers)
            let v = s.value.hasPrefix("-") ? String(s.value.dropFirst()) : rng.pick(["-" + s.value, "-0.5", "-0", "-1"])
            replace(s, with: v)
            return "negativeNumber line \(s.line + 1) \(s.key): \(v)"
        case .dateOutOfRange:
            let dates = slots { Self.matches(Self.datePattern, $0.value) }
            guard !dates.isEmpty else { return "dateOutOfRange: none" }
            let s = rng.pick(dates)
            let v = rng.pick(["1899-12-31", "2999-01-01", "2024-02-30", "2024-13-01", "0000-01-01", "9999-12-31",
                              "2023-02-29", "2024-00-10", "20240101", "2024-1-1", "1-01-01", "-2024-01-01",
                              "1970-01-01", "2100-02-29", "2019-12-31", "2030-06-30", "2024-06-31"])
            replace(s, with: v)
            return "dateOutOfRange line \(s.line + 1) \(s.key): \(v)"
        case .unknownName:
            let names = slots { Self.nameKeys.contains($0.key) }
            guard !names.isEmpty else { return "unknownName: none" }
            let s = rng.pick(names)
            let plain = s.value.replacingOccurrences(of: "\"", with: "")
            let v = rng.pick([plain + "x", plain.folding(options: .diacriticInsensitive, locale: nil), "Okänd",
                              plain.uppercased(), " " + plain, "\"\"", "\"\(plain) \"", String(plain.reversed())])
            replace(s, with: v.contains(":") || v.hasPrefix(" ") ? "\"\(v)\"" : v)
            return "unknownName line \(s.line + 1) \(s.key): \(v)"
        case .duplicateEntry:
            let items = lines.indices.filter { lines[$0].drop { $0 == " " }.hasPrefix("- ") }
            guard !items.isEmpty else { return "duplicateEntry: none" }
            let i = rng.pick(items)
            let end = blockEnd(from: i)
            lines.insert(contentsOf: lines[i..<end], at: end)
            return "duplicateEntry lines \(i + 1)-\(end)"
        case .binaryNoise:
            var b = bytes
            let at = rng.below(b.count + 1)
            let noise = (0..<(1 + rng.below(64))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if rng.chance(0.5), at < b.count {
                b.replaceSubrange(at..<min(b.count, at + noise.count), with: noise)
            } else {
                b.insert(contentsOf: noise, at: at)
            }
            rawBytes = b
            return "binaryNoise \(noise.count) bytes at byte \(at)"
        case .controlCharacters:
            guard !lines.isEmpty else { return "controlCharacters: none" }
            let i = rng.below(lines.count)
            let c = rng.pick(["\u{0}", "\u{7}", "\u{1B}[31m", "\u{FEFF}", "\r", "\t", "\u{2028}", "\u{85}", "\u{FFFE}",
                              "\u{202E}", "\u{200B}", "\u{7F}"])
            var line = Array(lines[i].unicodeScalars)
            line.insert(contentsOf: c.unicodeScalars, at: rng.below(line.count + 1))
            var s = String.UnicodeScalarView()
            s.append(contentsOf: line)
            lines[i] = String(s)
            return "controlCharacters line \(i + 1) U+\(String(c.unicodeScalars.first?.value ?? 0, radix: 16))"
        case .deepNesting:
            let depth = [50, 500, 5000, 50_000][rng.below(4)]
            let text: String
            switch rng.below(4) {
            case 0: text = "deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            case 1: text = "deep: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
            case 2: text = (0..<min(depth, 2000)).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1"
            default: text = "deep: " + String(repeating: "- ", count: min(depth, 5000)) + "x"
            }
            let at = rng.below(lines.count + 1)
            lines.insert(text, at: at)
            return "deepNesting depth \(depth) at line \(at + 1)"
        case .aliasBomb:
            var s = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"
            for i in 1...9 { s += "\na\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]" }
            let target = rng.pick(["municipalities", "courses", "staff", "venues", "pinned"])
            lines.insert(s, at: 0)
            if let i = lines.firstIndex(where: { $0.hasPrefix(target + ":") }) { lines[i] = target + ": *a9\nx" + lines[i] }
            return "aliasBomb into \(target)"
        case .truncate:
            var b = bytes
            guard !b.isEmpty else { return "truncate: empty" }
            let at = rng.below(b.count)
            b.removeSubrange(at...)
            if rawBytes != nil { rawBytes = b } else { lines = String(decoding: b, as: UTF8.self).components(separatedBy: "\n") }
            return "truncate at byte \(at)"
        case .reindent:
            guard !lines.isEmpty else { return "reindent: none" }
            let i = rng.below(lines.count)
            let delta = rng.pick([-4, -2, -1, 1, 2, 3])
            lines[i] = delta > 0 ? String(repeating: " ", count: delta) + lines[i] : String(lines[i].dropFirst(min(-delta, indent(i))))
            return "reindent line \(i + 1) by \(delta)"
        case .swapLines:
            guard lines.count > 2 else { return "swapLines: none" }
            let i = rng.below(lines.count), j = rng.below(lines.count)
            lines.swapAt(i, j)
            return "swapLines \(i + 1) and \(j + 1)"
        }
    }
}

// MARK: - What every case must satisfy

enum FuzzOracle {
    /// Problems with a load result; empty when the loader behaved.
    static func problems(_ r: ScenarioLoadResult, file: String, text: String) -> [String] {
        var out: [String] = []
        // libyaml also breaks lines at \r, NEL, LS and PS (YAML 1.1), so count those for the upper bound.
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
        let lineCount = text.unicodeScalars.reduce(1) { breaks.contains($1) ? $0 + 1 : $0 } + 1
        if r.scenario == nil && r.errors.isEmpty { out.append("no scenario but no error either") }
        if r.scenario != nil && !r.errors.isEmpty { out.append("a scenario despite \(r.errors.count) error(s)") }
        for d in r.diagnostics {
            if d.file != file { out.append("diagnostic names file \(d.file)") }
            if d.line < 1 || d.column < 1 { out.append("diagnostic at \(d.line):\(d.column)") }
            if d.line > lineCount { out.append("diagnostic at line \(d.line) of \(lineCount)") }
            if d.message.trimmingCharacters(in: .whitespaces).isEmpty { out.append("empty diagnostic message") }
        }
        return out
    }

    /// Where a failing input is kept for a repro (outside the source tree).
    static func save(_ c: FuzzCase) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tidsplan-fuzz-failures")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(c.name)
        try? Data(c.bytes).write(to: url)
        return url.path
    }
}

// MARK: - Running the built binary

/// What a subprocess did.
struct FuzzRun: Sendable {
    var exitCode: Int32?
    /// Set when the process died of a signal (a crash or trap).
    var signal: Int32?
    var timedOut: Bool
    var stdout: String
    var stderr: String
}

enum FuzzBinary {
    /// `tidsplan` next to the test bundle (`.build/debug/`), or `TIDSPLAN_BIN`.
    static let url: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let bin = ProcessInfo.processInfo.environment["TIDSPLAN_BIN"] { candidates.append(URL(fileURLWithPath: bin)) }
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("tidsplan")) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("tidsplan"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tidsplan"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs the binary with a hard limit; a process still running after `seconds` is killed and reported.
    static func run(_ arguments: [String], seconds: Double, in dir: URL) throws -> FuzzRun {
        guard let url else { return FuzzRun(exitCode: nil, signal: nil, timedOut: false, stdout: "", stderr: "no binary") }
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        p.currentDirectoryURL = dir
        // Output goes to files, so a chatty process can never block on a full pipe.
        let outURL = dir.appendingPathComponent("stdout.txt"), errURL = dir.appendingPathComponent("stderr.txt")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        var timedOut = false
        if done.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            p.interrupt()
            if done.wait(timeout: .now() + 5) == .timedOut {
                kill(p.processIdentifier, SIGKILL)
                done.wait()
            }
        }
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        let signalled = p.terminationReason == .uncaughtSignal
        return FuzzRun(exitCode: signalled ? nil : p.terminationStatus, signal: signalled ? p.terminationStatus : nil,
                       timedOut: timedOut, stdout: stdout, stderr: stderr)
    }

    static var available: Bool { url != nil }
}

// MARK: - The tests

@Suite struct FuzzScenarioTests {
    @Test func shippedScenariosAreReadable() {
        #expect(Set(FuzzScenarios.baseNames).isSubset(of: Set(FuzzScenarios.bases.map(\.name))))
        for base in FuzzScenarios.bases {
            let r = ScenarioLoader.load(text: base.text, file: base.name)
            #expect(r.scenario != nil, "\(base.name): \(r.errors.map(\.rendered))")
        }
    }

    @Test func generatorIsDeterministicAndMutates() {
        let seed = FuzzScenarios.firstSeed
        for i in 0..<20 {
            let a = FuzzScenarios.makeCase(i, firstSeed: seed), b = FuzzScenarios.makeCase(i, firstSeed: seed)
            #expect(a.bytes == b.bytes && a.mutations == b.mutations)
        }
        // Every kind of mutation is drawn within the default budget.
        let drawn = Set((0..<FuzzScenarios.caseCount).flatMap { FuzzScenarios.makeCase($0, firstSeed: seed).mutations }
            .compactMap { $0.split(separator: " ").first.map { String($0).replacingOccurrences(of: ":", with: "") } })
        #expect(Set(FuzzMutation.allCases.map(\.rawValue)).isSubset(of: drawn), "drawn: \(drawn.sorted())")
    }

    /// The mutations on a known line do what they say (so the fuzzer really produces bad input).
    @Test func mutationsProduceTheBadInputTheyName() {
        let text = "project:\n  id: x\n  period: {from: 2024-01-02, to: 2026-05-31}\n  hours: 6\n"
        var rng = FuzzRandom(seed: 1)
        var doc = FuzzDocument(text: text)
        _ = doc.apply(.negativeNumber, &rng)
        #expect(doc.lines[3] == "  hours: -6" || doc.lines[3].hasPrefix("  hours: -"))
        doc = FuzzDocument(text: text)
        _ = doc.apply(.dateOutOfRange, &rng)
        #expect(doc.lines[2] != "  period: {from: 2024-01-02, to: 2026-05-31}")
        doc = FuzzDocument(text: text)
        _ = doc.apply(.deleteBlock, &rng)
        #expect(doc.lines.count < text.components(separatedBy: "\n").count)
    }

    @Test func mutatedScenariosGetDiagnosticsInProcess() {
        let seed = FuzzScenarios.firstSeed
        var reported = 0
        var invalid = 0
        for i in 0..<FuzzScenarios.caseCount {
            let c = FuzzScenarios.makeCase(i, firstSeed: seed)
            let text = String(decoding: c.bytes, as: UTF8.self)
            let r = ScenarioLoader.load(text: text, file: c.name)
            if r.scenario == nil { invalid += 1 }
            var problems = FuzzOracle.problems(r, file: c.name, text: text)
            // Same input, same diagnostics (checked on every tenth case to keep the test quick).
            if i % 10 == 0, ScenarioLoader.load(text: text, file: c.name).diagnostics != r.diagnostics {
                problems.append("a second load gave other diagnostics")
            }
            if !problems.isEmpty, reported < 20 {
                reported += 1
                Issue.record("\(c.summary): \(problems.joined(separator: ", ")) — input saved at \(FuzzOracle.save(c))")
            }
        }
        // Most mutations break the file; a fuzzer that only made valid files would test nothing.
        #expect(invalid * 2 > FuzzScenarios.caseCount, "only \(invalid) of \(FuzzScenarios.caseCount) cases were invalid")
    }

    /// A few cases through the real binary: `check`, then `plan --time-limit 5`.
    @Test
    func mutatedScenariosThroughTheBinary() throws {
        let seed = FuzzScenarios.firstSeed
        let wanted = max(1, FuzzScenarios.environmentInt("TIDSPLAN_FUZZ_PROCESSES") ?? 6)
        // Cases for the binary: two thirds invalid ones of every kind, one third valid ones of the small test
        // scenarios (planning the real ones takes longer than a test should), so both paths of `plan` run.
        let validWanted = wanted / 3
        var chosen: [(FuzzCase, valid: Bool)] = []
        var validCount = 0
        var i = 0
        while chosen.count < wanted, i < 10_000 {
            let c = FuzzScenarios.makeCase(i, firstSeed: seed &+ 1_000_000)
            i += 1
            let valid = ScenarioLoader.load(text: String(decoding: c.bytes, as: UTF8.self), file: c.name).scenario != nil
            if valid {
                guard FuzzScenarios.isSmall(c.base), validCount < validWanted else { continue }
                validCount += 1
            } else if chosen.count - validCount >= wanted - validWanted {
                continue
            }
            chosen.append((c, valid))
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tidsplan-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        #expect(chosen.count == wanted)
        var outcomes: [String] = []
        for (c, _) in chosen {
            let caseDir = work.appendingPathComponent("case-\(c.index)")
            try FileManager.default.createDirectory(at: caseDir, withIntermediateDirectories: true)
            let file = caseDir.appendingPathComponent(c.name)
            try Data(c.bytes).write(to: file)
            // Read from disk as the binary does: bytes that are not UTF-8 are an error there.
            let valid = ScenarioLoader.load(path: file.path).scenario != nil

            let check = try FuzzBinary.run(["check", file.path], seconds: 60, in: caseDir)
            expectClean(check, c, "check")
            #expect(check.exitCode == (valid ? 0 : 1), "check exit \(String(describing: check.exitCode)) for \(c.summary)")
            let lastLine = check.stdout.split(separator: "\n").last.map(String.init) ?? ""
            // Swedish, the default: "3 fel, 1 varning" or "FILE: OK (1 varning)".
            #expect(lastLine.hasSuffix(" OK") || lastLine.contains(" OK (") || lastLine.contains(" fel"),
                    "check output ends mid-way (\(lastLine)) for \(c.summary)")

            let out = caseDir.appendingPathComponent("out")
            // Every other case has an earlier output folder, which a failed run must leave as it was.
            let hadPrevious = c.index % 2 == 0
            if hadPrevious {
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try Data(Self.earlierPlan.utf8).write(to: out.appendingPathComponent("plan.json"))
            }
            let plan = try FuzzBinary.run(["plan", file.path, "--time-limit", "5", "--quiet", "--out", out.path],
                                          seconds: 120, in: caseDir)
            expectClean(plan, c, "plan")
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: caseDir.path)) ?? []
            #expect(entries.filter { $0 != c.name && $0 != "out" }.isEmpty, "stray files \(entries) after plan for \(c.summary)")
            outcomes.append("case \(c.index) \(valid ? "valid" : "invalid"): check \(check.exitCode.map(String.init) ?? "-"), plan \(plan.exitCode.map(String.init) ?? "-")")
            if plan.exitCode == 0 {
                // A verified plan, complete on disk.
                let json = try #require(FileManager.default.contents(atPath: out.appendingPathComponent("plan.json").path))
                #expect(throws: Never.self) { try PlanJSONReader.decode(String(decoding: json, as: UTF8.self), file: "plan.json") }
                #expect(valid, "plan succeeded on a file check rejects: \(c.summary)")
            } else {
                let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
                let kept = FileManager.default.contents(atPath: out.appendingPathComponent("plan.json").path)
                #expect(left == (hadPrevious ? ["plan.json"] : []) && (!hadPrevious || kept == Data(Self.earlierPlan.utf8)),
                        "output folder changed (\(left)) after exit \(String(describing: plan.exitCode)) for \(c.summary)")
                let siblings = ((try? FileManager.default.contentsOfDirectory(atPath: caseDir.path)) ?? []).filter { $0.hasPrefix(".") }
                #expect(siblings.isEmpty, "work folders left behind: \(siblings) for \(c.summary)")
                #expect(plan.exitCode != 3, "the planner produced a plan that breaks a rule for \(c.summary): \(plan.stdout.suffix(800))")
            }
        }
        print("fuzz through \(FuzzBinary.url?.path ?? "-"): " + outcomes.joined(separator: "; "))
    }

    /// Stands for the output of an earlier run (a folder holding a plan.json may be replaced, nothing else).
    static let earlierPlan = "{\"earlier\": true}\n"

    /// Every saved crasher still loads to diagnostics (they are minimal repros of fixed crashes).
    @Test func savedCrashersAreHandled() throws {
        let dir = FuzzScenarios.root.appendingPathComponent("Tests/EndToEndTests/FuzzCrashers")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(name).path))
            let text = String(decoding: data, as: UTF8.self)
            let r = ScenarioLoader.load(text: text, file: name)
            #expect(FuzzOracle.problems(r, file: name, text: text).isEmpty, "\(name)")
        }
    }

    private func expectClean(_ run: FuzzRun, _ c: FuzzCase, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if run.timedOut || run.signal != nil {
            Issue.record("\(what) \(run.timedOut ? "hung" : "died of signal \(run.signal ?? 0)") on \(c.summary); input saved at \(FuzzOracle.save(c))\n\(run.stderr.suffix(2000))",
                         sourceLocation: sourceLocation)
            return
        }
        if let code = run.exitCode, code != 0 {
            let text = run.stdout + run.stderr
            #expect(text.contains("fel"), "\(what) exit \(code) without a diagnostic for \(c.summary)", sourceLocation: sourceLocation)
        }
    }
}
