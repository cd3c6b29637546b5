import TidsplanCore
import TidsplanIO

extension PlanJob {
    /// The previous plan as it was held: with `--attendance` the register is recorded on its sessions
    /// (who came, cancelled and moved sessions), so quotas, kronor, prerequisites and surveys rest on it.
    static func previousAsHeld(_ request: PlanRequest, scenario: Scenario) throws -> Plan? {
        let sv = request.lang == .sv
        guard let path = request.previousPath else {
            if request.attendancePath != nil {
                throw JobError(sv ? "--attendance behöver --previous PLAN.json och --as-of DATUM: planen som registret gäller"
                                  : "--attendance needs --previous PLAN.json and --as-of DATE: the plan the register is for")
            }
            return nil
        }
        let plan = try PlanInput.load(path, lang: request.lang)
        guard let register = request.attendancePath, plan.scenario == scenario.project.id,
              let asOf = request.asOf ?? plan.asOf else { return plan }
        return try AttendanceInput.recorded(register, plan: plan, scenario: scenario, asOf: asOf,
                                            correct: request.correctAttendance, lang: request.lang)
    }
}

/// The re-plan's line on what the frozen past counts as.
enum AttendanceNote {
    static func text(_ previous: Plan, asOf: Day, request: PlanRequest) -> String {
        let sv = request.lang == .sv
        let held = previous.sessions.filter { $0.kind == .training && $0.date <= asOf && ($0.status == .planned || $0.isRecorded) }
        let unrecorded = held.filter { !$0.isRecorded }.count
        let recorded = held.count - unrecorded
        if let path = request.attendancePath {
            let base = sv ? "Närvaro: \(path) ger utfallet för \(recorded) pass till och med \(asOf.iso); timmar, kronor och förkunskaper räknas på dem som kom."
                          : "Attendance: \(path) gives what happened at \(recorded) sessions up to \(asOf.iso); hours, kronor and prerequisites count those who came."
            guard unrecorded > 0 else { return base }
            return base + (sv ? " \(unrecorded) hållna pass saknar utfall och räknas som planerat."
                              : " \(unrecorded) held sessions have no record and count as planned.")
        }
        if recorded > 0 {
            return sv ? "Närvaro: \(recorded) pass har utfall från tidigare register; \(unrecorded) hållna pass till och med \(asOf.iso) räknas som planerat (ge --attendance REGISTER)."
                      : "Attendance: \(recorded) sessions have records from earlier registers; \(unrecorded) held sessions up to \(asOf.iso) count as planned (give --attendance REGISTER)."
        }
        return sv ? "Närvaro: inget register gavs; de \(unrecorded) passen till och med \(asOf.iso) räknas som planerat (ge --attendance REGISTER för utfallet)."
                  : "Attendance: no register given; the \(unrecorded) sessions up to \(asOf.iso) count as planned (give --attendance REGISTER for what happened)."
    }
}
