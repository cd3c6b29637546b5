/// Cross-checks of the application's own figures: stated totals against the rows, per-municipality
/// persons × hours against the quota, figures stated elsewhere, and rates far from the others.
/// Real applications carry such inconsistencies ("Totalt antal timmar: 5992" over rows summing to
/// 5 960); they are warnings: the plan follows the rows, the leader should know.
extension ScenarioIssueCollector {
    mutating func checkStatedTotals() {
        let ms = s.municipalities
        // Sums in Double: a scenario with absurd numbers must still be checked without overflow.
        let hours = ms.reduce(0.0) { $0 + Double($1.quotaHours) }
        let persons = ms.reduce(0.0) { $0 + Double($1.persons) }
        let kr = ms.reduce(0.0) { $0 + Double($1.quotaHours) * Double($1.rateKrPerHour) }
        let stated = s.project.stated
        if let h = stated.hours, Double(h) != hours {
            warning("project.stated.hours", Bilingual("det angivna totala antalet timmar, \(h), skiljer sig från kommunernas kvoter, som blir \(Self.numSv(hours)) tillsammans (skillnad \(Self.numSv(Double(h) - hours)))", "the stated total of \(h) hours differs from the municipalities' quotas, which sum to \(Self.num(hours)) (difference \(Self.num(Double(h) - hours)))"))
        }
        if let p = stated.persons, Double(p) != persons {
            warning("project.stated.persons", Bilingual("det angivna totala antalet personer, \(p), skiljer sig från kommunernas grupper, som blir \(Self.numSv(persons)) tillsammans (skillnad \(Self.numSv(Double(p) - persons)))", "the stated total of \(p) persons differs from the municipalities' groups, which sum to \(Self.num(persons)) (difference \(Self.num(Double(p) - persons)))"))
        }
        if let k = stated.cofinancingKr, Double(k) != kr {
            warning("project.stated.cofinancingKr", Bilingual("den angivna medfinansieringen på \(k) kr skiljer sig från kvot × timpris summerat över kommunerna, \(Self.numSv(kr)) kr (skillnad \(Self.numSv(Double(k) - kr)))", "the stated co-financing of \(k) kr differs from quota × rate summed over the municipalities, \(Self.num(kr)) kr (difference \(Self.num(Double(k) - kr)))"))
        }

        for (i, m) in ms.enumerated() {
            let path = "municipalities[\(i)]"
            if let each = m.hoursEach, each > 0, m.persons > 0 {
                let product = Double(m.persons) * each
                if abs(product - Double(m.quotaHours)) > 0.5 {
                    warning("\(path).quotaHours", Bilingual("\(m.name): \(m.persons) personer × \(Self.numSv(each)) timmar var = \(Self.numSv(product)) timmar, men kvoten är \(m.quotaHours)", "\(m.name): \(m.persons) persons × \(Self.num(each)) hours each = \(Self.num(product)) hours, but the quota is \(m.quotaHours)"))
                }
            }
            guard let e = m.statedElsewhere else { continue }
            if let h = e.hours, h != m.quotaHours {
                warning("\(path).statedElsewhere.hours", Bilingual("\(m.name): på ett annat ställe i ansökan anges \(h) timmar, här är kvoten \(m.quotaHours)", "\(m.name): \(h) hours are stated elsewhere in the application, the quota here is \(m.quotaHours)"))
            }
            if let p = e.persons, p != m.persons {
                warning("\(path).statedElsewhere.persons", Bilingual("\(m.name): på ett annat ställe i ansökan anges \(p) personer, här blir grupperna \(m.persons) tillsammans", "\(m.name): \(p) persons are stated elsewhere in the application, the groups here sum to \(m.persons)"))
            }
            let kr = Double(m.quotaHours) * Double(m.rateKrPerHour)
            if let k = e.cofinancingKr, Double(k) != kr {
                warning("\(path).statedElsewhere.cofinancingKr", Bilingual("\(m.name): på ett annat ställe i ansökan anges \(k) kr, här är kvot × timpris \(Self.numSv(kr)) kr", "\(m.name): \(k) kr are stated elsewhere in the application, quota × rate here is \(Self.num(kr)) kr"))
            }
        }
    }

    /// A rate more than twice or less than half the median of its kind (at least three to compare).
    mutating func checkRates() {
        outliers(s.municipalities.enumerated().map { ("municipalities[\($0.offset)].rateKrPerHour", $0.element.name, $0.element.rateKrPerHour) },
                 unit: Bilingual("kr/h i medfinansiering", "kr/h co-financing rate"))
        outliers(s.trainers.enumerated().map { ("trainers[\($0.offset)].dayRate", $0.element.name, $0.element.dayRate) },
                 unit: Bilingual("kr i dagarvode", "kr day rate"))
        outliers(s.venues.enumerated().filter { $0.element.mode == .physical && $0.element.costPerDay > 0 }
                    .map { ("venues[\($0.offset)].costPerDay", $0.element.id, $0.element.costPerDay) },
                 unit: Bilingual("kr i lokalkostnad per dag", "kr venue cost per day"))
    }

    mutating func outliers(_ rows: [(path: String, name: String, value: Int)], unit: Bilingual) {
        let values = rows.map(\.value).filter { $0 > 0 }.sorted()
        guard values.count >= 3 else { return }
        let mid = values.count / 2
        let median = values.count % 2 == 1 ? Double(values[mid]) : (Double(values[mid - 1]) + Double(values[mid])) / 2
        for r in rows where r.value > 0 {
            let v = Double(r.value)
            if v > 2 * median || v < median / 2 {
                warning(r.path, Bilingual("\(r.name): \(r.value) \(unit.sv) avviker mycket från de andra (median \(Self.numSv(median)))", "\(r.name): \(r.value) \(unit.en) is far from the others (median \(Self.num(median)))"),
                        hint: Bilingual("ett skrivfel? mer än dubbla eller mindre än halva medianen", "a typo? more than twice or less than half the median"))
            }
        }
    }
}
