/// The plan as a timetable for people: `csv` for spreadsheets, `markdown` to read or paste.
/// Both list the sessions that take place, in date order; see each function for its layout.
public enum TimetableWriter {}
