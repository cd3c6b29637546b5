import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// A scratch folder for one test, removed afterwards. Named after the test and the process, so
/// parallel tests and parallel test runs do not meet.
private struct ScratchFolder {
    let url: URL
    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tidsplan-scenario-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = url.appendingPathComponent(name)
        try Data(bytes).write(to: p)
        return p.path
    }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The repository's scenarios/ folder (written by another engineer, in parallel).
private let scenariosFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenarios")

private let scenarioFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        .map { scenariosFolder.appendingPathComponent($0).path }
}()

@Suite("Scenario loader: files on disk")
struct ScenarioFileTests {
    @Test("A valid file loads, and diagnostics name the path")
    func validFile() throws {
        let dir = try ScratchFolder("valid")
        defer { dir.remove() }
        let path = try dir.file("ok.yaml", Array(ScenarioFixtures.valid.utf8))
        let result = ScenarioLoader.load(path: path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.scenario?.project.id == "test-2024")

        let bad = try dir.file("bad.yaml", Array(ScenarioFixtures.replacing("capacity: 40", with: "capacity: x").utf8))
        #expect(ScenarioLoader.load(path: bad).errors.first?.file == bad)
    }

    @Test("A missing file or a folder is a diagnostic")
    func missing() throws {
        let dir = try ScratchFolder("missing")
        defer { dir.remove() }
        let none = dir.url.appendingPathComponent("nope.yaml").path
        #expect(ScenarioLoader.load(path: none).errors.map(\.rendered)
                == ["\(none):1:1: error: no such file\n    hint: check the path; scenario files usually live in scenarios/"])
        #expect(ScenarioLoader.load(path: dir.url.path).errors.map(\.message) == ["this is a folder, not a scenario file"])
    }

    @Test("Bytes that are not UTF-8 are located by line and column")
    func notUTF8() throws {
        let dir = try ScratchFolder("latin1")
        defer { dir.remove() }
        // "project:\n  name: J\xF6nk\xF6ping\n" in Latin-1.
        let path = try dir.file("latin1.yaml", Array("project:\n  name: J".utf8) + [0xF6] + Array("nkoping\n".utf8))
        let errors = ScenarioLoader.load(path: path).errors
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2 && errors.first?.column == 10)
        #expect(errors.first?.message == "the file is not UTF-8 text (byte 0xF6)")

        let utf16 = try dir.file("utf16.yaml", [0xFF, 0xFE] + Array("p".utf8) + [0])
        #expect(ScenarioLoader.load(path: utf16).errors.map(\.message) == ["the file is UTF-16 text"])
    }

    @Test("A file over the size limit is refused before it is read")
    func oversizedFile() throws {
        let dir = try ScratchFolder("big")
        defer { dir.remove() }
        let path = try dir.file("big.yaml", [])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(ScenarioLoader.maxFileBytes + 1))   // sparse: no 20 MB written
        try handle.close()
        #expect(ScenarioLoader.load(path: path).errors.map(\.message) == ["the file is 20 MB; a scenario file is at most 20 MB"])
    }

    @Test("The complete example in docs/scenario-format.md loads with no diagnostics")
    func documentedExample() throws {
        let doc = scenariosFolder.deletingLastPathComponent().appendingPathComponent("docs/scenario-format.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        let start = try #require(text.range(of: "## A short complete example\n\n```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let result = ScenarioLoader.load(text: String(text[start.upperBound..<end.lowerBound]), file: "example.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.scenario?.municipalities.count == 2)
    }

    @Test("The project's scenario files are found") func scenarioFilesFound() {
        #expect(scenarioFiles.count >= 3, "scenarios/*.yaml not found from \(scenariosFolder.path)")
    }

    @Test("The project's scenario files load with no errors", arguments: scenarioFiles)
    func projectScenarios(path: String) {
        let result = ScenarioLoader.load(path: path)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.rendered).joined(separator: "\n"))")
        #expect(result.scenario != nil)
    }
}
