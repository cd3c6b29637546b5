/// The VTIMEZONE for Europe/Stockholm that every calendar file carries (RFC 5545 3.6.5): clients
/// must not have to guess what `TZID=Europe/Stockholm` means, and Outlook rejects a TZID without one.
/// Since 1996 Sweden follows the EU rule: CEST from the last Sunday in March 02:00 local,
/// CET from the last Sunday in October 03:00 local. 1970-03-29 and 1970-10-25 were such Sundays.
enum StockholmTimeZone {
    static let tzid = "Europe/Stockholm"

    static let vtimezone: String = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Stockholm",
        "X-LIC-LOCATION:Europe/Stockholm",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ].map { $0 + ICalFormat.crlf }.joined()
}
