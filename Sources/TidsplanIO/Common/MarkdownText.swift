/// Scenario text in Markdown (timetable.md, changes.md), escaped so it cannot break a table or turn into markup.
public enum MarkdownText {
    /// A table cell: Markdown punctuation backslash-escaped, line breaks as `<br>`.
    public static func cell(_ text: String) -> String { TimetableWriter.cell(text) }
    /// Running text (a heading, a list item): like a cell, but a line break becomes a space.
    public static func inline(_ text: String) -> String { TimetableWriter.inline(text) }
}
