/// A section that later features (capacity heatmaps, changes between plans) add to the report.
public struct ReportSection: Sendable, Equatable {
    /// Plain text; the report escapes it.
    public var title: String
    /// HTML body, already escaped by whoever built it; inserted as is.
    public var html: String

    public init(title: String, html: String) {
        self.title = title
        self.html = html
    }
}
