/// Swedish public holidays (allmänna helgdagar, lag 1989:253) and the de-facto non-working eves,
/// computed from the date of Easter. Names are the Swedish ones, lower case as in running text
/// except proper nouns ("Kristi himmelsfärdsdag").
public enum SwedishHolidays {
    /// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
    /// Returns nil only for years `Day` cannot represent.
    public static func easterSunday(year: Int) -> Day? {
        let a = year % 19
        let b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)
    }

    /// Every public holiday of `year`, sorted by date (two holidays may fall on one date, e.g.
    /// första maj and Kristi himmelsfärdsdag in 2008; both are listed). Sunday holidays
    /// (påskdagen, pingstdagen) are included so the calendar can name them.
    ///
    /// With `deFacto`, also the eves most employers close on: påskafton, midsommarafton, julafton
    /// and nyårsafton (påskafton is always a Saturday, midsommarafton always a Friday).
    public static func holidays(in year: Int, deFacto: Bool) -> [(day: Day, name: String)] {
        guard (1583...9999).contains(year), let easter = easterSunday(year: year) else { return [] }
        var result: [(day: Day, name: String)] = []
        func add(_ month: Int, _ day: Int, _ name: String) {
            if let d = Day(year: year, month: month, day: day) { result.append((d, name)) }
        }
        func addEaster(_ offset: Int, _ name: String) { result.append((easter.adding(days: offset), name)) }

        add(1, 6, "trettondedag jul")
        add(1, 1, "nyårsdagen")
        addEaster(-2, "långfredagen")
        addEaster(0, "påskdagen")
        addEaster(1, "annandag påsk")
        add(5, 1, "första maj")
        addEaster(39, "Kristi himmelsfärdsdag")
        addEaster(49, "pingstdagen")
        add(6, 6, "nationaldagen")
        // Midsommardagen: the Saturday 20–26 June; alla helgons dag: the Saturday 31 Oct – 6 Nov.
        if let june20 = Day(year: year, month: 6, day: 20) {
            let midsummer = saturday(onOrAfter: june20)
            result.append((midsummer, "midsommardagen"))
            if deFacto { result.append((midsummer.adding(days: -1), "midsommarafton")) }
        }
        if let oct31 = Day(year: year, month: 10, day: 31) {
            result.append((saturday(onOrAfter: oct31), "alla helgons dag"))
        }
        add(12, 25, "juldagen")
        add(12, 26, "annandag jul")
        if deFacto {
            addEaster(-1, "påskafton")
            add(12, 24, "julafton")
            add(12, 31, "nyårsafton")
        }
        // Stable sort by date; ties keep the order above (the statutory holiday first).
        return result.enumerated()
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
    }

    private static func saturday(onOrAfter d: Day) -> Day {
        d.adding(days: (Weekday.saturday.index - d.weekday.index + 7) % 7)
    }
}
