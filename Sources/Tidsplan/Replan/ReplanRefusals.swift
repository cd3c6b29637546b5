import TidsplanCore
import TidsplanIO

/// The one-line refusals of `replan` (and `plan --previous`) for changes that contradict each other or
/// the plan in force, in the user's language.
struct ReplanRefusals {
    let lang: Language
    private var sv: Bool { lang == .sv }
    private func h(_ x: Double) -> String { NumberText.human(x, lang: lang, decimals: 1) }

    func unknown(_ name: String, suggestion: String?, known: [String]) -> String {
        let mean = suggestion.map { sv ? "; menade du \"\($0)\"?" : "; did you mean \"\($0)\"?" } ?? "."
        return sv ? "okänd kommun \"\(name)\"\(mean) Kända: \(known.joined(separator: ", "))"
                  : "unknown municipality \"\(name)\"\(mean) Known: \(known.joined(separator: ", "))"
    }
    var needsAsOf: String {
        sv ? "--withdraw, --reduce och --compensate kräver --as-of DATUM (och --previous PLAN.json)"
           : "--withdraw, --reduce and --compensate need --as-of DATE (and --previous PLAN.json)"
    }
    func withdrawTwice(_ n: String) -> String {
        sv ? "--withdraw \(n) anges två gånger; ange varje kommun en gång" : "--withdraw \(n) is given twice; give each municipality once"
    }
    func reduceTwice(_ n: String, _ a: Int, _ b: Int) -> String {
        sv ? "--reduce \(n) anges två gånger (\(a) och \(b) timmar); ange ett nytt åtagande per kommun"
           : "--reduce \(n) is given twice (\(a) and \(b) hours); give one new commitment per municipality"
    }
    func withdrawAndReduce(_ n: String, _ hours: Int) -> String {
        sv ? "\(n) kan inte både lämna projektet (--withdraw \(n)) och sänka sitt åtagande (--reduce \(n)=\(hours)); ange det ena"
           : "\(n) cannot both withdraw (--withdraw \(n)) and lower its commitment (--reduce \(n)=\(hours)); give one of them"
    }
    var compensateAlone: String {
        sv ? "--compensate utan --withdraw eller --reduce: inga timmar går förlorade, så det finns inget att kompensera"
           : "--compensate without --withdraw or --reduce: no hours are lost, so there is nothing to compensate"
    }
    func alreadyWithdrawn(_ n: String, _ from: Day) -> String {
        sv ? "\(n) har redan lämnat projektet (från \(from.iso), enligt den tidigare planen eller scenariot); --withdraw \(n) ändrar ingenting"
           : "\(n) has already withdrawn (from \(from.iso), per the previous plan or the scenario); --withdraw \(n) changes nothing"
    }
    func reduceWithdrawn(_ n: String, _ hours: Int, _ from: Day) -> String {
        sv ? "\(n) har lämnat projektet (från \(from.iso)) och har inget åtagande kvar att sänka; --reduce \(n)=\(hours) ändrar ingenting"
           : "\(n) has withdrawn (from \(from.iso)) and has no commitment left to lower; --reduce \(n)=\(hours) changes nothing"
    }
    func negative(_ n: String, _ hours: Int) -> String {
        sv ? "--reduce \(n)=\(hours): timmarna måste vara 0 eller fler" : "--reduce \(n)=\(hours): hours must be 0 or more"
    }
    func sameAsCommitment(_ n: String, _ hours: Int) -> String {
        sv ? "--reduce \(n)=\(hours): \(hours) timmar är redan \(n)s åtagande; det ändrar ingenting"
           : "--reduce \(n)=\(hours): \(hours) hours is already \(n)'s commitment; it changes nothing"
    }
    func notLower(_ n: String, _ hours: Int, committed: Int) -> String {
        sv ? "--reduce \(n)=\(hours): \(n)s åtagande är \(committed) timmar och --reduce kan bara sänka det; för att höja kvoten, ändra quotaHours i scenariofilen"
           : "--reduce \(n)=\(hours): \(n)'s commitment in force is \(committed) hours; --reduce only lowers a commitment. To raise a quota, change quotaHours in the scenario file"
    }
    func belowAttended(_ n: String, _ hours: Int, attended: Double, asOf: Day) -> String {
        sv ? "--reduce \(n)=\(hours): \(n) har redan deltagit i \(h(attended)) timmar till och med \(asOf.iso) (en serie som börjat räknas till sin sista träff); ett åtagande kan inte sänkas under de genomförda timmarna"
           : "--reduce \(n)=\(hours): \(n) has already attended \(h(attended)) hours on or before \(asOf.iso) (a series begun counts to its last meeting); a commitment cannot be lowered below the hours held"
    }
    func fileReductionBelowAttended(_ n: String, _ quota: Int, attended: Double, asOf: Day) -> String {
        sv ? "\(n): det sänkta åtagandet \(quota) timmar är lägre än de \(h(attended)) timmar kommunen redan deltagit i till och med \(asOf.iso); ett åtagande kan inte sänkas under de genomförda timmarna"
           : "\(n): its reduced quota of \(quota) hours is below the \(h(attended)) hours it has already attended on or before \(asOf.iso); a commitment cannot be lowered below the hours held"
    }
    var previousNeedsAsOf: String {
        sv ? "--previous kräver --as-of DATUM: dagen till och med vilken den tidigare planen har hållits"
           : "--previous needs --as-of DATE: the day up to which the previous plan has been held"
    }
    var asOfNeedsPrevious: String {
        sv ? "--as-of kräver --previous PLAN.json: planen som ska behållas till och med det datumet"
           : "--as-of needs --previous PLAN.json: the plan to keep up to that date"
    }
    func otherScenario(path: String, plan: String, scenario: String) -> String {
        sv ? "\(path): planen gäller scenariot \"\(plan)\", inte \"\(scenario)\""
           : "\(path): the plan is for scenario \"\(plan)\", not \"\(scenario)\""
    }
    func asOfBeforeStart(_ asOf: Day, start: Day) -> String {
        sv ? "--as-of \(asOf.iso) är före projektets start (\(start.iso)): inget har hållits som kan behållas. Planera från början med ändringen i scenariofilen (withdrawal: eller reductions:), eller ange ett datum från \(start.iso)."
           : "--as-of \(asOf.iso) is before the project starts (\(start.iso)): nothing has been held to keep. Plan from scratch with the change in the scenario file (withdrawal: or reductions:), or give a date from \(start.iso)."
    }
    func asOfAtEnd(_ asOf: Day, end: Day) -> String {
        sv ? "--as-of \(asOf.iso) är på eller efter projektets sista dag (\(end.iso)): allt har hållits, så inget återstår att planera om och ett utträde ändrar ingenting."
           : "--as-of \(asOf.iso) is on or after the project's last day (\(end.iso)): everything has been held, so nothing is left to re-plan and a withdrawal would change nothing."
    }
    func asOfBeforePrevious(_ asOf: Day, previous: Day, path: String) -> String {
        sv ? "--as-of \(asOf.iso) är före den tidigare planens --as-of \(previous.iso) (\(path)): det som hållits till och med \(previous.iso) kan inte planeras om; ange \(previous.iso) eller senare"
           : "--as-of \(asOf.iso) is before the previous plan's as-of \(previous.iso) (\(path)): what was held up to \(previous.iso) cannot be re-planned; give \(previous.iso) or later"
    }
}
