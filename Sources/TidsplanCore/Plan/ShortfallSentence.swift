/// Swedish and English sentences for `ShortfallCause`, in one place: the cause and the fix, in numbers.
public enum ShortfallSentence {
    /// `courseName` turns a course id into the name a person reads.
    public static func render(_ cause: ShortfallCause, _ lang: Language,
                              courseName: (String) -> String = { $0 }) -> String {
        let sv = lang == .sv
        func h(_ x: Double) -> String { number(x, sv: sv) }
        switch cause {
        case let .quotaCeiling(m, need, allowed, course, courseHours):
            let raise = h((need - allowed).rounded(.up))
            return sv
                ? "\(m): de obligatoriska kurserna kräver \(h(need)) h, kvoten tillåter \(h(allowed)) h; höj kvoten med \(raise) h eller stryk \(courseName(course)) (\(h(courseHours)) h)"
                : "\(m): the required courses need \(h(need)) h, the quota allows \(h(allowed)) h; raise the quota by \(raise) h or drop \(courseName(course)) (\(h(courseHours)) h)"
        case let .quotaUsed(m, attended, planned, allowed, missing):
            let needed = h((planned + missing).rounded(.up))
            return sv
                ? "\(m): \(h(attended)) h är redan genomförda och planen ger \(h(planned)) h av taket \(h(allowed)) h; platserna som saknas i de obligatoriska kurserna kräver \(h(missing)) h till, vilket bara ryms om kommunen åtar sig \(needed) h"
                : "\(m): \(h(attended)) h have already been attended and the plan gives \(h(planned)) h of its ceiling of \(h(allowed)) h; the places missing in the required courses need \(h(missing)) h more, which fit only if the municipality commits to \(needed) h"
        case let .quotaStep(m, planned, step, ceiling, quota):
            let pct = quota > 0 ? Int((((planned + step) / Double(quota) - 1) * 100).rounded(.up)) : 0
            if ceiling <= Double(quota) + 1e-6 {
                // A reduced commitment: its ceiling has no tolerance to raise.
                return sv ? "\(m): en person till i den kortaste kurs som är öppen ger \(h(step)) h och tar kommunen från \(h(planned)) h till \(h(planned + step)) h, över dess åtagande \(h(ceiling)) h; erbjud en kortare kurs eller godta skillnaden"
                          : "\(m): one more person in the shortest course still open adds \(h(step)) h and takes it from \(h(planned)) h to \(h(planned + step)) h, above its commitment of \(h(ceiling)) h; offer a shorter course or accept the difference"
            }
            return sv ? "\(m): en person till i den kortaste kurs som är öppen ger \(h(step)) h och tar kommunen från \(h(planned)) h till \(h(planned + step)) h, över taket \(h(ceiling)) h (kvoten plus toleransen); höj quotaTolerance till \(pct) % eller erbjud en kortare kurs"
                      : "\(m): one more person in the shortest course still open adds \(h(step)) h and takes it from \(h(planned)) h to \(h(planned + step)) h, above the ceiling of \(h(ceiling)) h (quota plus tolerance); raise quotaTolerance to \(pct) % or offer a shorter course"
        case let .noLeader(c):
            return sv ? "ingen får leda \(courseName(c)); lägg till kursen hos en utbildare eller i personalen"
                      : "nobody may lead \(courseName(c)); add the course to a trainer or staff member"
        case let .noLeaderDaysInWindow(c, leaders, w):
            let who = list(leaders, sv: sv)
            return sv ? "\(who) har ingen arbetsdag inom kursfönstret för \(courseName(c)) (\(w.from.iso)–\(w.to.iso)); flytta fönstret eller ändra avtalet"
                      : "\(who) \(leaders.count == 1 ? "has" : "have") no working day inside the window of \(courseName(c)) (\(w.from.iso) to \(w.to.iso)); move the window or change the contract"
        case let .windowTooShort(c, w, n):
            return sv ? "\(courseName(c)) ska gå \(n) gånger men fönstret rymmer \(w) veckor och högst en omgång startar i veckan; vidga fönstret med \(n - w) veckor"
                      : "\(courseName(c)) should run \(n) times but its window holds \(w) weeks and at most one run starts a week; widen the window by \(n - w) weeks"
        case let .trainerDaysUsed(t, c, n):
            return sv ? "\(t) har använt alla \(n) avtalsdagar (\(courseName(c))); höj maxDays eller anlita en utbildare till"
                      : "\(t) has used all \(n) contract days (\(courseName(c))); raise maxDays or add a trainer"
        case let .leaderTimeFull(p, c, pct):
            return sv ? "\(p), som leder \(courseName(c)), har \(pct) % av sin tillgängliga tid för utbildning i bruk; låt fler leda kursen eller höj tjänstgöringsgraden"
                      : "\(p), who leads \(courseName(c)), has \(pct) % of the time available for teaching in use; let more people lead the course or raise the share"
        case let .tooFewForMinimumSize(c, part, n, min):
            let whereSv = part.isEmpty ? "" : " i \(part)", whereEn = part.isEmpty ? "" : " in \(part)"
            return sv ? "\(courseName(c)): bara \(n) får delta\(whereSv), minst \(min) krävs per tillfälle; sänk minimigruppen till \(n) eller öppna kursen för fler"
                      : "\(courseName(c)): only \(n) may attend\(whereEn), a session needs at least \(min); lower the minimum to \(n) or open the course to more"
        case let .budgetUsed(line, cap, spent):
            let lineSv = ["trainers": "utbildningsbudgeten", "travel": "rese- och logibudgeten", "premises": "lokalbudgeten"][line] ?? line
            let lineEn = ["trainers": "the trainers' budget", "travel": "the travel budget", "premises": "the premises budget"][line] ?? line
            return sv ? "\(lineSv) (\(h(Double(cap))) kr) är förbrukad (\(h(Double(spent))) kr planerat); höj den eller välj billigare utbildare"
                      : "\(lineEn) (\(h(Double(cap))) kr) is used up (\(h(Double(spent))) kr planned); raise it or choose cheaper trainers"
        case let .withdrawn(m, d):
            return sv ? "\(m) lämnar projektet \(d.iso); bara det som hålls före dess räknas"
                      : "\(m) withdraws on \(d.iso); only what is held before then counts"
        case let .coursesOnOfferTooFew(m, p, possible, q):
            return sv ? "\(m): \(p) personer kan som mest få \(h(possible)) h av kurserna för deras områden, kvoten är \(q) h; lägg till kurser för dem eller sänk kvoten med \(h(Double(q) - possible)) h"
                      : "\(m): its \(p) persons can take at most \(h(possible)) h of the courses for their areas, the quota is \(q) h; add courses for them or lower the quota by \(h(Double(q) - possible)) h"
        case let .trainingDaysPerWeek(part, n, weeks):
            return sv ? "\(part) har redan \(n) utbildningsdagar i veckan under \(weeks) av veckorna kursen kan gå; höj maxTrainingDaysPerWeek eller vidga kursfönstret"
                      : "\(part) already has \(n) training days a week in \(weeks) of the weeks the course can run; raise maxTrainingDaysPerWeek or widen the course window"
        case let .noDayForRun(r):
            return sv ? "\(r) fick ingen dag som passar ledare, lokal och kommunernas gränser; passet utgår"
                      : "\(r) found no day that suits its leaders, room and the municipalities' limits; it is left out"
        case let .orderLeavesNoTime(c, a, p, start, end):
            return sv ? "i \(p) får \(courseName(c)) börja först när \(courseName(a)) har gått där (ansökans ordning), tidigast \(start.iso), och kursens fönster stänger \(end.iso); lägg \(courseName(a)) tidigare i \(p) eller vidga fönstret"
                      : "in \(p), \(courseName(c)) may start only once \(courseName(a)) has run there (the application's order), from \(start.iso), and the course's window closes on \(end.iso); hold \(courseName(a)) earlier in \(p) or widen the window"
        case let .managersAheadLeavesNoTime(c, staff, p, staffStart, latest, earliest):
            return sv ? "i \(p) börjar personalens \(courseName(staff)) \(staffStart.iso), så \(courseName(c)) måste börja senast \(latest.iso) (cheferna före eller samtidigt som sin personal), men kan hållas tidigast \(earliest.iso); låt \(courseName(c)) börja tidigare eller lägg \(courseName(staff)) senare i \(p)"
                      : "in \(p) the staff's \(courseName(staff)) starts on \(staffStart.iso), so \(courseName(c)) must start by \(latest.iso) (managers before or alongside their staff), but it can be held from \(earliest.iso) at the earliest; let \(courseName(c)) start earlier or hold \(courseName(staff)) later in \(p)"
        case let .followUpAfterEnd(c, due, sent):
            return sv ? "uppföljningsenkäten för \(courseName(c)) skulle skickas \(due.iso), efter projektets slut; den skickas \(sent.iso) i stället. Lägg kursen tidigare för en uppföljning i rätt tid"
                      : "the follow-up survey of \(courseName(c)) falls due on \(due.iso), after the project ends; it is sent on \(sent.iso) instead. Hold the course earlier for a timely follow-up"
        case let .followUpWindowAfterEnd(c, runs, opens, last):
            let named = zip(runs, opens).map { "\($0) (\(sv ? "tidigast" : "from") \($1.iso))" }
            return sv ? "uppföljningsenkäten för \(courseName(c)) ryms inte i projektet för \(list(named, sv: sv)): fönstret öppnar efter projektets sista arbetsdag \(last.iso). Lägg omgångarna tidigare eller korta followUpWindowMonths"
                      : "the follow-up survey of \(courseName(c)) does not fit in the project for \(list(named, sv: sv)): the window opens after the project's last working day, \(last.iso). Hold these runs earlier or shorten followUpWindowMonths"
        case let .searchStopped(gap):
            return sv ? "ingen regel hindrar det, men lösaren stannade med planen inom \(h(gap)) % från den bästa möjliga; ge mer tid med --time-limit så kan det få plats"
                      : "no rule prevents it, but the solver stopped with the plan within \(h(gap)) % of the best possible; allow more time with --time-limit and it may fit"
        case let .searchEnded(gap):
            return sv ? "ingen regel hindrar det, men planen är bara bevisad inom \(h(gap)) % från den bästa möjliga; sökningen gör en fast mängd arbete (så att samma scenario ger samma plan), så mer tid ändrar inte planen"
                      : "no rule prevents it, but the plan is only proven within \(h(gap)) % of the best possible; the search does a fixed amount of work (so the same scenario gives the same plan), so more time does not change the plan"
        case let .areaNotPlanned(a, why, kept):
            let stay = kept == 0 ? "" : sv ? "; dess \(kept) tillfällen ligger kvar som de var" : "; its \(kept) sessions stay as they were"
            switch why {
            case "timeLimit":
                return sv ? "området \(a) hann inte planeras: tidsgränsen tog slut innan något planerades där\(stay); ge mer tid med --time-limit eller planera när datorn är mindre belastad"
                          : "area \(a) was not planned: the time limit ran out before anything was planned there\(stay); allow more time with --time-limit or plan when the machine is less busy"
            case "stopped":
                return sv ? "området \(a) planerades inte: sökningen avbröts före det\(stay)" : "area \(a) was not planned: the search was stopped before it\(stay)"
            default:
                return sv ? "lösaren hittade ingen plan för området \(a) inom gränserna\(stay); ge mer tid med --time-limit"
                          : "the solver found no plan for area \(a) within the limits\(stay); allow more time with --time-limit"
            }
        case let .outweighed(_, _, competing):
            // Plain words for the leader: what the plan weighed it against, never the parameters' names.
            let against = outweighedBy(competing, sv: sv)
            return sv ? "ingen regel hindrar det; planen avstår eftersom det enligt scenariots prioriteringar kostar mer i \(against) än det ger"
                      : "no rule prevents it; the plan leaves it out because, by the scenario's priorities, it costs more in \(against) than it gains"
        }
    }

    /// The goals a shortfall lost against ("costPerThousandKr, perSession"), in words.
    static func outweighedBy(_ competing: String, sv: Bool) -> String {
        let words: [String: (String, String)] = [
            "costPerThousandKr": ("kronor", "kronor"), "perSession": ("fler tillfällen", "more sessions"),
            "quotaExcessPerHour": ("timmar över kvoten", "hours above quota"), "travel": ("resor", "travel"),
        ]
        let parts = competing.split(separator: ",").map { String($0).filter { !$0.isWhitespace } }
            .map { words[$0].map { sv ? $0.0 : $0.1 } ?? (sv ? "andra mål" : "other goals") }
        var seen: [String] = []
        for p in parts where !seen.contains(p) { seen.append(p) }
        guard seen.count > 1 else { return seen.first ?? (sv ? "andra mål" : "other goals") }
        return seen.dropLast().joined(separator: ", ") + (sv ? " och " : " and ") + (seen.last ?? "")
    }

    /// "150", "157,5" (sv) or "157.5" (en); thousands with a space.
    public static func number(_ x: Double, sv: Bool) -> String {
        let r = (x * 10).rounded() / 10
        let whole = Int(r.rounded(.towardZero))
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 { grouped = " " + digits.suffix(3) + grouped; digits.removeLast(3) }
        grouped = (r < 0 ? "-" : "") + digits + grouped
        let frac = Int((abs(r - Double(whole)) * 10).rounded())
        return frac == 0 ? grouped : grouped + (sv ? "," : ".") + String(frac)
    }

    static func list(_ names: [String], sv: Bool) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + (sv ? " och " : " and ") + (names.last ?? "")
    }
}
