#!/usr/bin/env python3
"""Re-check the arithmetic of a Tidsplan scenario file by hand, without the planner.

Usage:  python3 scripts/scenario-arithmetic.py scenarios/rakna-med-oss-2024.yaml

Prints, in plain text:
  1. the stated totals against the sum of the rows (persons, hours, kronor);
  2. per municipality: persons, quota, and the hours its persons *could* take
     (Σ over courses of persons in the audience × hours × meetings) with the ratio to the quota;
  3. per course: audience size, delivery, leaders, and whether a series fits the calendar;
  4. an illustrative plan size: each quota spread over the courses in proportion to what is
     available, sessions at a typical group size, leader days against capacity, and costs
     against the budgets (an estimate to see the order of magnitude, not the planner's answer);
  5. fixed events that fall on non-working days, and dangling references.

Exit status 1 when a reference is dangling or a municipality cannot reach its quota at all;
warnings (ratio below 1.3, budget tight) are printed but do not fail.
Only the standard library and PyYAML are used; same input, same output.
"""
import datetime as dt
import math
import sys

import yaml

WARN_RATIO = 1.3          # the brief: available hours should comfortably exceed the quota
TYPICAL_GROUP = 16        # participants in a typical session for the estimate


# ---------------------------------------------------------------- Swedish working calendar

def easter_sunday(year):
    """Gregorian Easter (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def swedish_holidays(year, de_facto=True):
    """Public holidays that fall on weekdays matter; weekend ones are listed for completeness."""
    e = easter_sunday(year)
    days = {
        dt.date(year, 1, 1): "Nyårsdagen",
        dt.date(year, 1, 6): "Trettondedag jul",
        e - dt.timedelta(days=2): "Långfredagen",
        e + dt.timedelta(days=1): "Annandag påsk",
        dt.date(year, 5, 1): "Första maj",
        e + dt.timedelta(days=39): "Kristi himmelsfärdsdag",
        dt.date(year, 6, 6): "Sveriges nationaldag",
        dt.date(year, 12, 25): "Juldagen",
        dt.date(year, 12, 26): "Annandag jul",
    }
    if de_facto:
        midsummer_eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4)
        days[midsummer_eve] = "Midsommarafton"
        days[dt.date(year, 12, 24)] = "Julafton"
        days[dt.date(year, 12, 31)] = "Nyårsafton"
    return days


class WorkingCalendar:
    def __init__(self, scenario):
        cal = scenario.get("calendar") or {}
        proj = scenario["project"]
        self.period = (as_date(proj["period"]["from"]), as_date(proj["period"]["to"]))
        self.training_from = as_date(proj.get("trainingFrom", proj["period"]["from"]))
        de_facto = cal.get("deFactoHolidays", True)
        self.holidays = {}
        for y in range(self.period[0].year, self.period[1].year + 1):
            self.holidays.update(swedish_holidays(y, de_facto))
        self.closed = [(as_date(b["from"]), as_date(b["to"]), b["name"])
                       for b in (cal.get("blackouts") or []) + (cal.get("closedDays") or [])]

    def reason(self, d):
        """Why `d` is not a working day, or '' when it is one."""
        if not (self.period[0] <= d <= self.period[1]):
            return "outside project period"
        if d.weekday() >= 5:
            return "weekend"
        if d in self.holidays:
            return self.holidays[d]
        for a, b, name in self.closed:
            if a <= d <= b:
                return name
        return ""

    def is_training_day(self, d):
        return d >= self.training_from and self.reason(d) == ""

    def training_days(self):
        d = self.training_from
        while d <= self.period[1]:
            if self.reason(d) == "":
                yield d
            d += dt.timedelta(days=1)


def as_date(v):
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def monday(d):
    return d - dt.timedelta(days=d.weekday())


# ---------------------------------------------------------------- scenario helpers

def group_matches(aud, g):
    return aud.get("area") in (None, g["area"]) and aud.get("role") in (None, g["role"])


def persons_in(muni, audience):
    return sum(g["persons"] for g in muni.get("persons", []) if any(group_matches(a, g) for a in audience))


def meetings(course):
    return (course.get("series") or {}).get("meetings", 1)


def hours_per_participant(course):
    return float(course["hours"]) * meetings(course)


def fmt_int(n):
    return f"{int(round(n)):,}".replace(",", " ")


def table(rows, header, right=()):
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    def line(r):
        return "  ".join(str(v).rjust(w) if i in right else str(v).ljust(w)
                         for i, (v, w) in enumerate(zip(r, widths))).rstrip()
    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out)


def leader_capacity_staff(member, cal, rules):
    """Sessions a staff member may lead over the training period under the weekly and monthly load rules."""
    prep = 1 + float(rules.get("prepDaysPerSessionDay", 0.5))
    share_cap = float(rules.get("maxTeachingShare", 0.6))
    absences = [(as_date(a["from"]), as_date(a["to"])) for a in member.get("absences") or []]

    def share(d):
        s = 0.0
        for span in member.get("shares") or []:
            if as_date(span["from"]) <= d <= as_date(span["to"]):
                s = float(span["share"])
        return s

    weeks, months = {}, {}
    for d in cal.training_days():
        if any(a <= d <= b for a, b in absences):
            continue
        weeks.setdefault(monday(d), []).append(d)
        months[(d.year, d.month)] = months.get((d.year, d.month), 0.0) + share(d)
    week_cap = {w: math.floor(sum(share(d) for d in ds) / prep + 1e-9) for w, ds in weeks.items()}
    total = 0
    for (y, m), s in sorted(months.items()):
        monthly = math.floor(share_cap * s / prep + 1e-9)
        weekly = sum(c for w, c in week_cap.items() if (w + dt.timedelta(days=3)).month == m
                     and (w + dt.timedelta(days=3)).year == y)
        total += min(monthly, weekly)
    return total


def trainer_available_days(trainer, cal):
    names = [w.lower() for w in trainer.get("weekdays") or []]
    wd = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
    allowed = {wd[n] for n in names} if names else {0, 1, 2, 3, 4}
    ranges = [(as_date(r["from"]), as_date(r["to"])) for r in trainer.get("available") or []]
    absences = [(as_date(a["from"]), as_date(a["to"])) for a in trainer.get("absences") or []]
    n = 0
    for d in cal.training_days():
        if d.weekday() in allowed and (not ranges or any(a <= d <= b for a, b in ranges)) \
                and not any(a <= d <= b for a, b in absences):
            n += 1
    return n


def series_starts(course, cal):
    """Count start weeks where every meeting's week still has a training day inside the window."""
    s = course.get("series")
    if not s:
        return None
    lo, hi = cal.training_from, cal.period[1]
    if course.get("window"):
        lo = max(lo, as_date(course["window"]["from"]))
        hi = min(hi, as_date(course["window"]["to"]))
    step = 7 * int(s["everyWeeks"])

    def week_ok(mon):
        return any(lo <= mon + dt.timedelta(days=i) <= hi and cal.is_training_day(mon + dt.timedelta(days=i))
                   for i in range(5))
    count, mon = 0, monday(lo)
    while mon <= hi:
        if all(week_ok(mon + dt.timedelta(days=k * step)) for k in range(int(s["meetings"]))):
            count += 1
        mon += dt.timedelta(days=7)
    return count


def best_reachable(muni, courses, ceiling):
    """Largest total ≤ ceiling that whole persons can reach (each at most once per course), in hours.

    A bounded subset sum over half-hours; it ignores session sizes and dates, so it shows only
    the granularity: whether the quota can be met within the tolerance at all.
    """
    limit = math.floor(ceiling * 2 + 1e-6)
    reach = 1                     # bit i set: i half-hours reachable
    mask = (1 << (limit + 1)) - 1
    for c in courses:
        n = persons_in(muni, c.get("audience") or [])
        w = round(hours_per_participant(c) * 2)
        k = 1
        while n > 0 and w > 0:    # binary splitting of n identical items
            take = min(k, n)
            reach = (reach | (reach << (take * w))) & mask
            n -= take
            k *= 2
    return (reach.bit_length() - 1) / 2


# ---------------------------------------------------------------- report

def main(path):
    with open(path, encoding="utf-8") as f:
        sc = yaml.safe_load(f)
    errors, warnings = [], []
    proj = sc["project"]
    munis = sc.get("municipalities") or []
    courses = sc.get("courses") or []
    staff = sc.get("staff") or []
    trainers = sc.get("trainers") or []
    venues = {v["id"]: v for v in sc.get("venues") or []}
    rules = sc.get("rules") or {}
    budget = sc.get("budget") or {}
    cal = WorkingCalendar(sc)
    share_away = float(rules.get("maxShareAwayPerDay", 0.5))
    tol = float(rules.get("quotaTolerance", 0.05))

    print(f"Scenario {proj['id']}: {proj['name']} ({proj['period']['from']} – {proj['period']['to']}, "
          f"training from {cal.training_from})")
    tdays = list(cal.training_days())
    print(f"Training days (weekdays after trainingFrom, no holidays or blackouts): {len(tdays)} "
          f"in {len({monday(d) for d in tdays})} weeks")

    # 1. stated totals
    print("\n== 1. Stated totals against the rows")
    stated = proj.get("stated") or {}
    persons = sum(sum(g["persons"] for g in m.get("persons", [])) for m in munis)
    quota = sum(m["quotaHours"] for m in munis)
    kr = sum(m["quotaHours"] * m["rateKrPerHour"] for m in munis)
    for label, key, value in (("persons", "persons", persons), ("hours", "hours", quota),
                              ("co-financing kr", "cofinancingKr", kr)):
        s = stated.get(key)
        note = "" if s is None else ("  (equal)" if s == value else f"  (stated {fmt_int(s)}, differs by {fmt_int(value - s)})")
        print(f"  {label:16} rows {fmt_int(value):>10}{note}")
    if stated.get("budgetKr"):
        print(f"  {'total budget':16} stated {fmt_int(stated['budgetKr'])}")

    # 2. municipalities
    print("\n== 2. Municipalities: quota and the hours their persons could take")
    rows, by_part = [], {}
    for m in munis:
        p = sum(g["persons"] for g in m.get("persons", []))
        avail = sum(persons_in(m, c.get("audience") or []) * hours_per_participant(c) for c in courses)
        q = m["quotaHours"]
        ratio = avail / q if q else float("inf")
        each = m.get("hoursEach")
        else_ = m.get("statedElsewhere") or {}
        best = best_reachable(m, courses, q * (1 + tol))
        rows.append([m["name"], m["countyPart"], p, "" if each is None else f"{each:g}",
                     "" if each is None else fmt_int(p * each), fmt_int(q),
                     fmt_int(q * m["rateKrPerHour"]), fmt_int(avail), f"{ratio:.2f}", f"{best:g}",
                     math.floor(share_away * p + 1e-9),
                     ", ".join(f"{k} {v}" for k, v in sorted(else_.items()))])
        by_part.setdefault(m["countyPart"], [0, 0])
        by_part[m["countyPart"]][0] += p
        by_part[m["countyPart"]][1] += q
        if each is not None and abs(p * each - q) > 0.5:
            warnings.append(f"{m['name']}: persons × hoursEach = {p * each:g} but quota is {q}")
        if best < q * (1 - tol) - 1e-6:
            warnings.append(f"{m['name']}: whole persons reach at most {best:g} h without passing "
                            f"{q * (1 + tol):g} h, more than {tol:.0%} below the quota {q} h")
        if avail < q:
            errors.append(f"{m['name']}: only {avail:g} h available for a quota of {q} h")
        elif ratio < WARN_RATIO:
            warnings.append(f"{m['name']}: available/quota = {ratio:.2f} (below {WARN_RATIO})")
    print(table(rows, ["municipality", "county part", "persons", "h each", "p×h", "quota", "kr",
                       "available h", "ratio", "best h", "seats/day", "stated elsewhere"],
                right={2, 3, 4, 5, 6, 7, 8, 9, 10}))
    print("  available h: Σ over courses of persons in the audience × hours × meetings; ratio: to the quota;\n"
          "  best h: the most whole persons can reach without passing quota × (1 + tolerance);\n"
          "  seats/day: the share-away rule's limit for one date")
    print("\n  county part totals:")
    for part, (p, q) in by_part.items():
        print(f"    {part:28} {p:4} persons  {fmt_int(q):>6} quota hours")

    # 3. courses
    print("\n== 3. Courses")
    leaders_of = {}
    for s in staff:
        for c in s.get("courses") or []:
            leaders_of.setdefault(c, []).append(s["name"])
    for t in trainers:
        for c in t.get("courses") or []:
            leaders_of.setdefault(c, []).append(t["name"])
    rows = []
    for c in courses:
        aud = c.get("audience") or []
        n = sum(persons_in(m, aud) for m in munis)
        starts = series_starts(c, cal)
        ser = c.get("series")
        rows.append([c["id"], f"{float(c['hours']):g}" + (f"×{ser['meetings']}/{ser['everyWeeks']}w" if ser else ""),
                     f"{hours_per_participant(c):g}", n, c.get("delivery", "countyPart"),
                     f"{c['participants']['min']}–{c['participants']['max']}",
                     ",".join(p["course"] + (f"+{p.get('minGapWeeks', 0)}w" if p.get("minGapWeeks") else "")
                              for p in c.get("prerequisites") or []),
                     "" if starts is None else starts, len(leaders_of.get(c["id"], []))])
        if not leaders_of.get(c["id"]):
            errors.append(f"course {c['id']}: nobody may lead it")
        if starts == 0:
            errors.append(f"course {c['id']}: no start week fits the series in the calendar")
        if c.get("delivery") == "county" and not c.get("venues"):
            errors.append(f"course {c['id']}: county delivery needs a venue")
        for v in c.get("venues") or []:
            if v not in venues:
                errors.append(f"course {c['id']}: unknown venue {v}")
        for p in c.get("prerequisites") or []:
            if p["course"] not in {x["id"] for x in courses}:
                errors.append(f"course {c['id']}: unknown prerequisite {p['course']}")
    print(table(rows, ["course", "hours", "h/person", "audience", "delivery", "size", "prerequisites",
                       "series starts", "leaders"], right={2, 3, 7, 8}))

    # 4. illustrative plan size
    print("\n== 4. Illustrative plan size (attendance-all courses in full, the rest of each quota spread in proportion)")
    seats = {}     # (course id, group key) -> [fractional persons, minimum runs from the share-away rule]
    for m in munis:
        p = sum(g["persons"] for g in m.get("persons", []))
        per_day = max(1, math.floor(share_away * p + 1e-9))
        avail = {c["id"]: persons_in(m, c.get("audience") or []) * hours_per_participant(c) for c in courses}
        # courses everyone eligible should attend ("attendance: all") come first, in full while the
        # quota lasts; the rest of the quota is spread over the other courses
        everyone = [c for c in courses if c.get("attendance") == "all"]
        first = min(1.0, m["quotaHours"] / max(1e-9, sum(avail[c["id"]] for c in everyone)))
        rest_quota = m["quotaHours"] - first * sum(avail[c["id"]] for c in everyone)
        rest_total = sum(avail[c["id"]] for c in courses if c.get("attendance") != "all")
        scale = min(1.0, rest_quota / rest_total) if rest_total else 0.0
        for c in courses:
            if avail[c["id"]] == 0:
                continue
            share = first if c.get("attendance") == "all" else scale
            people = avail[c["id"]] * share / hours_per_participant(c)
            key = (c["id"], m["countyPart"] if c.get("delivery", "countyPart") == "countyPart" else "county")
            entry = seats.setdefault(key, [0.0, 0])
            entry[0] += people
            entry[1] = max(entry[1], math.ceil(people / per_day - 1e-9))
    sessions_by_course, rows = {}, []
    for c in courses:
        lo, hi = c["participants"]["min"], c["participants"]["max"]
        typical = min(hi, max(lo, TYPICAL_GROUP))
        for key in sorted(k for k in seats if k[0] == c["id"]):
            people, min_runs = seats[key]
            runs = max(math.ceil(people / typical - 1e-9), min_runs, 1)
            n = runs * meetings(c)
            sessions_by_course.setdefault(c["id"], []).append((key[1], n))
            rows.append([c["id"], key[1], f"{people:.1f}", runs, n, f"{people / runs:.1f}"])
            eligible = sum(persons_in(m, c.get("audience") or []) for m in munis
                           if key[1] == "county" or m["countyPart"] == key[1])
            if eligible < lo:   # a real problem: the course can never fill a session there
                warnings.append(f"{c['id']} in {key[1]}: only {eligible} eligible persons, fewer than min {lo}")
    print(table(rows, ["course", "where", "persons", "runs", "sessions", "seats/run"], right={2, 3, 4, 5}))
    total_sessions = sum(n for v in sessions_by_course.values() for _, n in v)
    print(f"\n  estimated sessions in all: {total_sessions}")

    # leaders: staff first (free), then trainers by price; capacities from the load rules / maxDays
    cap = {s["name"]: leader_capacity_staff(s, cal, rules) for s in staff}
    cap.update({t["name"]: min(t.get("maxDays") or 10 ** 6, trainer_available_days(t, cal)) for t in trainers})
    price = {t["name"]: t.get("dayRate", 0) + t.get("travelPerDay", 0) for t in trainers}
    used = {n: 0 for n in cap}
    fees = travel = premises = 0
    for c in courses:
        per = c.get("leadersPerSession", 1)
        for where, n in sessions_by_course.get(c["id"], []):
            for _ in range(n):
                pool = sorted(leaders_of.get(c["id"], []), key=lambda x: (price.get(x, 0), -(cap[x] - used[x]), x))
                chosen = [x for x in pool if used[x] < cap[x]][:per]
                if len(chosen) < per:
                    errors.append(f"estimate: not enough leader days for {c['id']}")
                    break
                for x in chosen:
                    used[x] += 1
                    t = next((t for t in trainers if t["name"] == x), None)
                    if t:
                        fees += t.get("dayRate", 0)
                        travel += t.get("travelPerDay", 0)
                if c.get("delivery") == "county":
                    premises += venues.get((c.get("venues") or [""])[0], {}).get("costPerDay", 0)
                elif c.get("delivery", "countyPart") == "countyPart":
                    local = [v for v in venues.values() if v.get("countyPart") == where and v.get("mode") == "physical"]
                    pref = [v for v in local if v["id"] in (c.get("venues") or [])] or local
                    premises += pref[0].get("costPerDay", 0) if pref else 0
    print("\n  leader days: estimate used / capacity (staff: weekly and monthly load rules; trainers: maxDays)")
    rows = [[n, used[n], cap[n]] for n in cap]
    print(table(rows, ["leader", "used", "capacity"], right={1, 2}))

    print("\n== 5. Budgets")
    max_fees = sum((t.get("maxDays") or 0) * t.get("dayRate", 0) for t in trainers)
    max_travel = sum((t.get("maxDays") or 0) * t.get("travelPerDay", 0) for t in trainers)
    rows = []
    for t in trainers:
        md = t.get("maxDays")
        rows.append([t["name"], ",".join(t.get("courses") or []), fmt_int(t.get("dayRate", 0)),
                     "" if md is None else md, fmt_int((md or 0) * t.get("dayRate", 0)),
                     fmt_int((md or 0) * t.get("travelPerDay", 0)), trainer_available_days(t, cal)])
    print(table(rows, ["trainer", "courses", "day rate", "maxDays", "maxDays×rate", "maxDays×travel",
                       "available days"], right={2, 3, 4, 5, 6}))
    for label, key, est, most in (("trainers' fees", "trainersKr", fees, max_fees),
                                  ("travel", "travelKr", travel, max_travel),
                                  ("premises", "premisesKr", premises, None)):
        cap_kr = budget.get(key)
        line = f"  {label:15} estimate {fmt_int(est):>9}"
        if most is not None:
            line += f"   at every maxDays {fmt_int(most):>9}"
        line += "   budget " + ("none" if cap_kr is None else fmt_int(cap_kr))
        print(line)
        if cap_kr is not None and est > cap_kr:
            warnings.append(f"estimate: {label} {est} exceed the budget {cap_kr}")

    # 6. fixed events and references
    print("\n== 6. Fixed events and references")
    names = {s["name"] for s in staff} | {t["name"] for t in trainers}
    if len(names) != len(staff) + len(trainers):
        errors.append("leader names are not unique across staff and trainers")
    muni_names = {m["name"] for m in munis}
    ids = set()
    for e in sc.get("fixedEvents") or []:
        if e["id"] in ids:
            errors.append(f"fixed event id {e['id']} is used twice")
        ids.add(e["id"])
        # like `tidsplan check`: an event on a holiday, weekend or blackout day is worth a second look
        r = cal.reason(as_date(e["date"]))
        if r:
            warnings.append(f"fixed event {e['id']} on {e['date']}: {r}")
        for x in e.get("leaders") or []:
            if x not in names:
                errors.append(f"fixed event {e['id']}: unknown leader {x}")
        for x in e.get("municipalities") or []:
            if x not in muni_names:
                errors.append(f"fixed event {e['id']}: unknown municipality {x}")
        if e.get("venue") and e["venue"] not in venues:
            errors.append(f"fixed event {e['id']}: unknown venue {e['venue']}")
    kinds = {}
    for e in sc.get("fixedEvents") or []:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    print("  fixed events: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    course_ids = {c["id"] for c in courses}
    for s in staff + trainers:
        for c in s.get("courses") or []:
            if c not in course_ids:
                errors.append(f"{s['name']}: unknown course {c}")
    for p in sc.get("pinned") or []:
        if p["course"] not in course_ids:
            errors.append(f"pinned: unknown course {p['course']}")
    parts = {m["countyPart"] for m in munis}
    for part in sorted(parts):
        if not any(v.get("countyPart") == part and v.get("mode") == "physical" for v in venues.values()):
            if any(c.get("delivery", "countyPart") == "countyPart" for c in courses):
                errors.append(f"county part {part} has no physical venue for countyPart courses")
    print(f"  quota tolerance {tol:.0%}; share away per day {share_away:.0%}; "
          f"max training days per week {rules.get('maxTrainingDaysPerWeek', 2)}")

    print("\n== Findings")
    for w in warnings:
        print("  warning: " + w)
    for e in errors:
        print("  ERROR: " + e)
    if not warnings and not errors:
        print("  none")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
