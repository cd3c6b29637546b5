import Foundation
import Testing
@testable import Tidsplan

/// AtomicOutput against a real file system, each test in its own scratch folder.
@Suite struct AtomicOutputTests {
    /// A fresh folder for one test, removed afterwards.
    final class Scratch {
        let root: String
        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("tidsplan-atomic-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        /// Every file below `dir`, relative, sorted, with its text.
        func tree(_ dir: String) -> [String: String] {
            var out: [String: String] = [:]
            guard let walker = FileManager.default.enumerator(atPath: dir) else { return out }
            while let rel = walker.nextObject() as? String {
                var isDir: ObjCBool = false
                let full = dir + "/" + rel
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                    out[rel] = String(decoding: FileManager.default.contents(atPath: full) ?? Data(), as: UTF8.self)
                }
            }
            return out
        }

        func entries(_ dir: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        }
    }

    private let previous = [OutputFile(path: "plan.json", text: "old plan"),
                            OutputFile(path: "calendars/leaders/gone.ics", text: "old calendar")]

    @Test func writesExactlyTheListedFiles() throws {
        let s = try Scratch()
        let out = s.root + "/deep/er/output"
        try AtomicOutput.replace(directory: out, with: [
            OutputFile(path: "plan.json", text: "{}\n"),
            OutputFile(path: "calendars/all.ics", text: "BEGIN:VCALENDAR\r\n"),
            OutputFile(path: "calendars/leaders/anna-aberg.ics", bytes: [0xC3, 0xA5]),
            OutputFile(path: "empty.txt", bytes: []),
        ])
        #expect(s.tree(out) == ["plan.json": "{}\n", "calendars/all.ics": "BEGIN:VCALENDAR\r\n",
                                "calendars/leaders/anna-aberg.ics": "å", "empty.txt": ""])
        #expect(s.entries(s.root + "/deep/er") == ["output"])
    }

    @Test func replacesThePreviousOutputEntirely() throws {
        let s = try Scratch()
        let out = s.root + "/output"
        try AtomicOutput.replace(directory: out, with: previous)
        try AtomicOutput.replace(directory: out, with: [OutputFile(path: "plan.json", text: "new plan"),
                                                        OutputFile(path: "timetable.csv", text: "a,b\r\n")])
        // The folder is Tidsplan's: the old leader calendar is not carried over.
        #expect(s.tree(out) == ["plan.json": "new plan", "timetable.csv": "a,b\r\n"])
        #expect(s.entries(s.root) == ["output"])
    }

    /// Writers racing into one folder that does not exist yet: each one's leftover sweep runs while the others
    /// make their temporary folders, and none may take another's for a killed run's (CI once lost one that way).
    @Test func concurrentWritersNeverLoseTheirTemporaryFolder() throws {
        let s = try Scratch()
        let failures = Failures()
        for round in 0..<20 {
            let out = s.root + "/new-\(round)/output"
            DispatchQueue.concurrentPerform(iterations: 6) { writer in
                let files = (0..<4).map { OutputFile(path: "calendars/\($0).ics", text: "writer \(writer)") }
                for _ in 0..<5 {
                    do { try AtomicOutput.replace(directory: out, with: files) } catch { failures.add("\(error)") }
                }
            }
            let texts = Set(s.tree(out).values)
            #expect(s.tree(out).count == 4 && texts.count == 1, "round \(round): \(s.tree(out))")
            #expect(s.entries(s.root + "/new-\(round)") == ["output"])
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
    }

    final class Failures: @unchecked Sendable {
        private let guardLock = NSLock()
        private var list: [String] = []
        func add(_ text: String) { guardLock.lock(); list.append(text); guardLock.unlock() }
        var all: [String] { guardLock.lock(); defer { guardLock.unlock() }; return list }
    }

    @Test func aFailureWhileWritingKeepsThePreviousOutput() throws {
        let s = try Scratch()
        let out = s.root + "/output"
        try AtomicOutput.replace(directory: out, with: previous)
        // "report" is written as a file, so "report/extra.html" cannot be created: fails on the second file.
        #expect(throws: AtomicOutputError.self) {
            try AtomicOutput.replace(directory: out, with: [OutputFile(path: "report", text: "new"),
                                                            OutputFile(path: "report/extra.html", text: "x"),
                                                            OutputFile(path: "plan.json", text: "new plan")])
        }
        #expect(s.tree(out) == ["plan.json": "old plan", "calendars/leaders/gone.ics": "old calendar"])
        #expect(s.entries(s.root) == ["output"], "no temporary folders left behind")
    }

    @Test func unsafePathsAreRefusedBeforeAnythingIsWritten() throws {
        let s = try Scratch()
        let out = s.root + "/output"
        try AtomicOutput.replace(directory: out, with: previous)
        let bad: [(String, String)] = [
            ("../escape.txt", "\"..\" would leave the output folder"),
            ("calendars/../../escape.txt", "\"..\" would leave the output folder"),
            ("/etc/passwd", "absolute paths are not allowed"),
            ("", "empty path"),
            ("calendars//all.ics", "empty or \".\" path component"),
            ("./plan.json", "empty or \".\" path component"),
            ("calendars/", "empty or \".\" path component"),
            ("a\u{0}b", "contains a NUL byte"),
        ]
        for (path, reason) in bad {
            #expect(throws: AtomicOutputError.unsafePath(path, reason: reason)) {
                try AtomicOutput.replace(directory: out, with: [OutputFile(path: "ok.txt", text: "fine"),
                                                                OutputFile(path: path, text: "evil")])
            }
        }
        #expect(throws: AtomicOutputError.duplicatePath("ok.txt")) {
            try AtomicOutput.replace(directory: out, with: [OutputFile(path: "ok.txt", text: "1"),
                                                            OutputFile(path: "ok.txt", text: "2")])
        }
        #expect(s.tree(out) == ["plan.json": "old plan", "calendars/leaders/gone.ics": "old calendar"])
        #expect(s.entries(s.root) == ["output"])
        #expect(!FileManager.default.fileExists(atPath: s.root + "/escape.txt"))
    }

    @Test func refusesToReplaceAFile() throws {
        let s = try Scratch()
        let out = s.root + "/output"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out))
        #expect(throws: AtomicOutputError.notADirectory(out)) {
            try AtomicOutput.replace(directory: out, with: [OutputFile(path: "plan.json", text: "x")])
        }
        #expect(FileManager.default.contents(atPath: out) == Data("keep me".utf8))
        #expect(s.entries(s.root) == ["output"])
    }

    @Test func anEmptyFileListMakesAnEmptyFolder() throws {
        let s = try Scratch()
        let out = s.root + "/output"
        try AtomicOutput.replace(directory: out, with: [])
        #expect(s.entries(out).isEmpty)
        // Empty folders may be replaced by anything.
        try AtomicOutput.replace(directory: out, with: previous)
        #expect(s.tree(out).count == 2)
        #expect(s.entries(s.root) == ["output"])
    }

    /// A typo in --out must not delete a folder of documents.
    @Test func refusesToReplaceAFolderThatIsNotAPreviousOutput() throws {
        let s = try Scratch()
        let docs = s.root + "/Documents"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: docs + "/budget.xlsx"))
        #expect(throws: AtomicOutputError.notAnOutputFolder(docs, reason: "it holds files that are not a previous output (budget.xlsx)")) {
            try AtomicOutput.replace(directory: docs, with: previous)
        }
        #expect(s.tree(docs) == ["budget.xlsx": "mine"])
        #expect(s.entries(s.root) == ["Documents"])
    }

    @Test func refusesToReplaceTheWorkingFolderOrItsParents() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
            .resolvingSymlinksInPath()
        // "plan.json" is not in the working folder (the package root), so even a broken check
        // would be stopped by the previous-output check; the reason shows which check fired.
        for target in [cwd, cwd.deletingLastPathComponent()] where target.path != "/" {
            #expect(throws: AtomicOutputError.notAnOutputFolder(target.path, reason: "it contains the current working folder")) {
                try AtomicOutput.replace(directory: target.path, with: [OutputFile(path: "plan.json", text: "x")])
            }
        }
        #expect(throws: AtomicOutputError.unsafePath("", reason: "no output folder given")) {
            try AtomicOutput.replace(directory: "", with: [])
        }
    }
}
