import TidsplanCore

/// The page that lists every calendar to subscribe to (index.html in the output folder, and the page
/// `tidsplan serve` shows at `/`): per person, municipality and venue a `webcal://` link (calendar apps
/// subscribe and refresh on their own), an `https://` link to paste into Google or Outlook, and a copy
/// button; and the report. Written without a base address, the links are filled in by the page itself from
/// wherever it is served, so any static web server can host the folder.
public enum SubscribePage {
    /// One calendar file: its path below the output folder and the name calendars show (X-WR-CALNAME).
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var name: String
        public init(path: String, name: String) { self.path = path; self.name = name }
    }

    /// - Parameters:
    ///   - title: the project's name.
    ///   - baseURL: where the folder is served (`https://example.org/plan/`); nil: the page works it out.
    public static func html(title: String, entries: [Entry], lang: Language, baseURL: String?) -> String {
        let sv = lang == .sv
        let e = HTMLText.escape
        let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        var out = "<!DOCTYPE html>\n<html lang=\"\(sv ? "sv" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + e(title) + " – " + (sv ? "kalendrar" : "calendars") + "</title>\n"
        out += "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
            + "li{margin:.4rem 0}a.sub{margin-left:.6rem}button{margin-left:.6rem}code{font-size:.85em;color:#555}</style>\n"
        out += "</head>\n<body>\n<h1>" + e(title) + "</h1>\n"
        out += "<p>" + e(sv ? "Prenumerera på din kalender: klicka på ”Prenumerera” (Apple Kalender, Outlook, Thunderbird), eller kopiera adressen och lägg till den som kalender från webbadress i Google Kalender eller Outlook på webben. Kalendern uppdateras av sig själv när planen ändras."
                         : "Subscribe to your calendar: click “Subscribe” (Apple Calendar, Outlook, Thunderbird), or copy the address and add it as a calendar from a URL in Google Calendar or Outlook on the web. The calendar updates itself when the plan changes.") + "</p>\n"
        out += "<p><a href=\"" + e(link(base, "report.html")) + "\">" + e(sv ? "Rapport om planen" : "Report on the plan") + "</a></p>\n"
        let groups: [(folder: String, heading: String)] = [
            ("calendars/all.ics", sv ? "Alla tillfällen" : "All sessions"),
            ("calendars/leaders/", sv ? "Personer" : "People"),
            ("calendars/municipalities/", sv ? "Kommuner" : "Municipalities"),
            ("calendars/venues/", sv ? "Lokaler" : "Venues"),
        ]
        for (folder, heading) in groups {
            let inGroup = entries.filter { folder.hasSuffix("/") ? $0.path.hasPrefix(folder) : $0.path == folder }
                .sorted { ($0.name, $0.path) < ($1.name, $1.path) }
            guard !inGroup.isEmpty else { continue }
            out += "<h2>" + e(heading) + "</h2>\n<ul>\n"
            for entry in inGroup {
                let https = link(base, entry.path)
                let webcal = base.map { _ in webcalLink(https) } ?? entry.path
                out += "<li>" + e(entry.name)
                out += " <a class=\"sub\" data-path=\"" + e(entry.path) + "\" data-scheme=\"webcal\" href=\"" + e(webcal) + "\">"
                    + e(sv ? "Prenumerera" : "Subscribe") + "</a>"
                out += " <code data-path=\"" + e(entry.path) + "\" data-scheme=\"https\">" + e(https) + "</code>"
                out += "<button type=\"button\" data-copy=\"" + e(entry.path) + "\">" + e(sv ? "Kopiera adress" : "Copy address") + "</button>"
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        // Without a base address: absolute links from where the page is served; the copy buttons either way.
        out += "<script>\n(function(){\n"
        out += "var base=" + (base == nil ? "new URL('.',location.href).href" : "null") + ";\n"
        out += "function abs(p){return new URL(p, base||document.baseURI).href;}\n"
        out += "document.querySelectorAll('[data-path]').forEach(function(el){if(!base)return;var u=abs(el.getAttribute('data-path'));"
            + "if(el.getAttribute('data-scheme')==='webcal'){el.href=u.replace(/^https?:/,'webcal:');}else{el.textContent=u;}});\n"
        out += "document.querySelectorAll('[data-copy]').forEach(function(b){b.addEventListener('click',function(){"
            + "var c=b.parentNode.querySelector('code');if(navigator.clipboard){navigator.clipboard.writeText(c.textContent);}});});\n"
        out += "})();\n</script>\n</body>\n</html>\n"
        return out
    }

    static func link(_ base: String?, _ path: String) -> String {
        (base ?? "") + path.split(separator: "/").map { percentEncoded(String($0)) }.joined(separator: "/")
    }

    /// `https://host/x.ics` → `webcal://host/x.ics` (calendar apps open webcal links as subscriptions).
    public static func webcalLink(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { return "webcal://" + url.dropFirst(scheme.count) }
        return url
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// The calendar name of a file (X-WR-CALNAME, unescaped), or nil.
    public static func calendarName(_ text: String) -> String? {
        for line in ICalFormat.unfold(String(text.prefix(4000))).split(separator: "\r\n") where line.hasPrefix("X-WR-CALNAME:") {
            return ICalFormat.unescapeText(String(line.dropFirst("X-WR-CALNAME:".count)))
        }
        return nil
    }
}
