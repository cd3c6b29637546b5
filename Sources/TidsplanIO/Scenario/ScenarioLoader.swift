import Foundation
import TidsplanCore
import Yams

/// What loading a scenario file gave: the scenario when there is no error, and every problem found.
public struct ScenarioLoadResult: Sendable {
    /// nil when any diagnostic is an error.
    public var scenario: Scenario?
    /// Sorted by line, then column.
    public var diagnostics: [Diagnostic]

    public init(scenario: Scenario?, diagnostics: [Diagnostic]) {
        self.scenario = scenario; self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}

/// Reads a scenario YAML file (docs/scenario-format.md) into a `Scenario`, reporting every problem
/// with file:line:column. It never throws and never traps: a missing file, binary noise, a huge
/// file or wrong types everywhere all end in diagnostics.
///
/// The YAML is composed into nodes (keeping positions) and read field by field, rather than
/// decoded with Codable, so that each problem can say where it is and reading can carry on.
/// After reading, `ScenarioValidator` cross-checks the whole scenario and its issues are placed
/// at the lines of the fields they concern.
public enum ScenarioLoader {
    /// Scenario files are a few hundred lines; anything this large is the wrong file.
    public static let maxFileBytes = 20 * 1024 * 1024

    public static func load(text: String, file: String) -> ScenarioLoadResult {
        func fail(_ message: Bilingual, hint: Bilingual? = nil, line: Int = 1, column: Int = 1) -> ScenarioLoadResult {
            ScenarioLoadResult(scenario: nil, diagnostics: [Diagnostic(.error, file: file, line: line, column: column, message, hint: hint)])
        }
        let size = text.utf8.count
        guard size <= maxFileBytes else {
            return fail(Bilingual("filen är \(size / 1_048_576) MB; en scenariofil är högst \(maxFileBytes / 1_048_576) MB",
                                  "the file is \(size / 1_048_576) MB; a scenario file is at most \(maxFileBytes / 1_048_576) MB"),
                        hint: Bilingual("är det rätt fil?", "is this the right file?"))
        }
        // A byte-order mark is legal in UTF-8 files saved by Windows editors; libyaml would accept
        // it, but the columns of the first line are clearer without it.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        if body.allSatisfy({ $0.isWhitespace }) {
            return fail(Bilingual("filen är tom", "the file is empty"),
                        hint: Bilingual("ett scenario börjar med `project:`; se docs/scenario-format.md", "a scenario starts with `project:`; see docs/scenario-format.md"))
        }

        let composed = YAMLCompose.compose(body, file: file)
        if composed.failed {
            return ScenarioLoadResult(scenario: nil, diagnostics: Diagnostic.sortedByPosition(composed.diagnostics))
        }
        guard let root = composed.root else {
            return fail(Bilingual("filen har inget YAML-innehåll (bara kommentarer?)", "the file holds no YAML content (only comments?)"),
                        hint: Bilingual("ett scenario börjar med `project:`", "a scenario starts with `project:`"))
        }

        let reader = ScenarioNodeReader(file: file, ignoredKeys: composed.renamedKeys)
        let scenario = ScenarioDocument(r: reader).read(root)
        // With most fields unreadable, cross-checks would only repeat the same problems.
        if let scenario, !reader.exhausted, reader.failed.count <= 200 {
            for issue in ScenarioValidator.validate(scenario) { reader.report(issue) }
        }
        reader.finish()
        let diagnostics = Diagnostic.sortedByPosition(composed.diagnostics + reader.diagnostics)
        let ok = !diagnostics.contains(where: \.isError)
        return ScenarioLoadResult(scenario: ok ? scenario : nil, diagnostics: diagnostics)
    }

    /// Reads the file at `path` (UTF-8). A missing, unreadable, oversized or non-text file is a
    /// diagnostic like any other.
    public static func load(path: String) -> ScenarioLoadResult {
        func fail(_ message: Bilingual, hint: Bilingual? = nil, line: Int = 1, column: Int = 1) -> ScenarioLoadResult {
            ScenarioLoadResult(scenario: nil, diagnostics: [Diagnostic(.error, file: path, line: line, column: column, message, hint: hint)])
        }
        let fm = FileManager.default
        switch InputFileProblem.of(path) {
        case nil: break
        case .missing?: return fail(Bilingual("filen finns inte", "no such file"),
                                    hint: Bilingual("kontrollera sökvägen; scenariofiler brukar ligga i scenarios/", "check the path; scenario files usually live in scenarios/"))
        case .folder?: return fail(Bilingual("detta är en mapp, inte en scenariofil", "this is a folder, not a scenario file"))
        case let problem?: return fail(problem.text)
        }
        if let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.int64Value > Int64(maxFileBytes) {
            return fail(Bilingual("filen är \(size.int64Value / 1_048_576) MB; en scenariofil är högst \(maxFileBytes / 1_048_576) MB",
                                  "the file is \(size.int64Value / 1_048_576) MB; a scenario file is at most \(maxFileBytes / 1_048_576) MB"),
                        hint: Bilingual("är det rätt fil?", "is this the right file?"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return fail(Bilingual("filen kan inte öppnas", "the file cannot be opened"), hint: Bilingual("kontrollera att du får läsa den", "check that you may read it"))
        }
        defer { try? handle.close() }
        // Read one byte more than allowed: the size above may change or be unknown (a pipe).
        guard let data = try? handle.read(upToCount: maxFileBytes + 1) ?? Data() else {
            return fail(Bilingual("filen kan inte läsas", "the file cannot be read"))
        }
        if data.count > maxFileBytes {
            return fail(Bilingual("filen är större än \(maxFileBytes / 1_048_576) MB; en scenariofil är mindre", "the file is larger than \(maxFileBytes / 1_048_576) MB; a scenario file is smaller"),
                        hint: Bilingual("är det rätt fil?", "is this the right file?"))
        }
        switch TextDecoding.utf8(data) {
        case .text(let text):
            return load(text: text, file: path)
        case .utf16:
            return fail(Bilingual("filen är UTF-16-text", "the file is UTF-16 text"),
                        hint: Bilingual("spara den som UTF-8 (\"UTF-8\" i redigerarens meny för teckenkodning)", "save it as UTF-8 (\"UTF-8\" in the editor's encoding menu)"))
        case .invalid(let line, let column, let byte):
            return fail(Bilingual(String(format: "filen är inte UTF-8-text (byte 0x%02X)", Int(byte)), String(format: "the file is not UTF-8 text (byte 0x%02X)", Int(byte))),
                        hint: Bilingual("spara den som UTF-8; är det alls en scenariofil?", "save it as UTF-8; is this a scenario file at all?"), line: line, column: column)
        }
    }
}

/// Strict UTF-8 decoding that says where it went wrong.
enum TextDecoding {
    enum Result { case text(String), utf16, invalid(line: Int, column: Int, byte: UInt8) }

    static func utf8(_ data: Data) -> Result {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16 }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        var offset = 0, line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                scalars.append(s)
                offset += UTF8.width(s)
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return .text(String(scalars))
            case .error:
                return .invalid(line: line, column: column, byte: offset < bytes.count ? bytes[offset] : 0)
            }
        }
    }
}
