/// The report's inline style sheet: system fonts only (no downloads), colours that survive
/// printing, and print rules for A4 landscape so the steering group can get it on paper.
enum ReportStyle {
    static let css = """
    :root { --ink: #1d2630; --muted: #5b6672; --line: #d5dbe1; --accent: #1f5f8b; --ok: #2e7d4f;
      --warn: #b4690e; --bad: #b3261e; --bg-soft: #f4f6f8; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0 auto; max-width: 1240px; padding: 24px 28px 40px; color: var(--ink); background: #fff;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
    h1 { font-size: 26px; margin: 0 0 2px; }
    .kind { color: var(--muted); font-size: 15px; margin: 0 0 12px; }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px 20px; margin: 0; }
    .facts div { background: var(--bg-soft); border-radius: 6px; padding: 8px 10px; }
    .facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
    .facts dd { margin: 2px 0 0; font-weight: 600; }
    .status { margin: 12px 0 0; padding: 10px 12px; border-left: 5px solid var(--accent); background: var(--bg-soft); }
    .status.optimal { border-color: var(--ok); }
    .status.bad { border-color: var(--bad); }
    nav { margin: 10px 0 0; font-size: 13px; }
    nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
    section { margin-top: 28px; }
    h2 { font-size: 19px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 15px; margin: 14px 0 6px; }
    p.note { color: var(--muted); font-size: 12.5px; margin: 6px 0 0; max-width: 900px; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { padding: 4px 6px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    th { font-weight: 600; background: var(--bg-soft); }
    td.when { white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
    .bar { position: relative; height: 14px; min-width: 120px; background: #e6ebef; border-radius: 3px; overflow: hidden; }
    .bar span { display: block; height: 100%; background: var(--accent); }
    .bar.full span { background: var(--ok); }
    .bar.over span { background: var(--warn); }
    .bar.over::after { content: ""; position: absolute; right: 0; top: 0; bottom: 0; width: 4px; background: var(--bad); }
    .grid { table-layout: fixed; font-size: 11.5px; }
    .grid th, .grid td { padding: 3px 0; text-align: center; border: 1px solid #fff; }
    .grid th.row, .grid td.row { text-align: left; padding-left: 6px; width: 230px; overflow-wrap: anywhere;
      background: #fff; border-bottom: 1px solid var(--line); }
    .grid td.sum, .grid th.sum { width: 62px; font-weight: 600; background: var(--bg-soft); }
    .grid th.year { text-align: left; padding-left: 4px; border-left: 2px solid var(--ink); }
    .grid .newyear { border-left: 2px solid var(--ink); }
    .grid tr.total td { border-top: 2px solid var(--ink); }
    .t0 { background: #f4f6f8; color: #9aa4ae; }
    .t1 { background: #d7e6f2; } .t2 { background: #a9cbe4; } .t3 { background: #5f9ccb; color: #fff; }
    .t4 { background: #1f5f8b; color: #fff; }
    .h0 { background: #f4f6f8; color: #9aa4ae; } .hna { background: repeating-linear-gradient(45deg, #eceff2, #eceff2 3px, #fff 3px, #fff 6px); color: #9aa4ae; }
    .h1 { background: #d8eedf; } .h2 { background: #9fd4b0; } .h3 { background: #f3c97a; }
    .h4 { background: #d9534f; color: #fff; font-weight: 700; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px; margin-top: 8px; color: var(--muted); }
    .legend span.sw { display: inline-block; width: 14px; height: 14px; vertical-align: -2px; margin-right: 4px; border: 1px solid var(--line); }
    ul.shortfalls { padding-left: 20px; margin: 0; }
    ul.shortfalls li { margin: 4px 0; }
    .subject { font-weight: 600; }
    .pill { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--bg-soft); color: var(--muted); margin-right: 6px; white-space: nowrap; }
    .pill.bad { background: #f6d5d3; color: var(--bad); font-weight: 600; }
    .pill.warn { background: #fbe8cc; color: #7a4608; }
    .pill.ok { background: #d8eedf; color: var(--ok); }
    tr.course.bad td { background: #fdf1f0; }
    tr.cancelled td { color: var(--muted); text-decoration: line-through; }
    tr.cancelled td.state { text-decoration: none; color: var(--bad); }
    ul.files { columns: 3 220px; padding-left: 18px; margin: 4px 0; }
    ul.files a { color: var(--accent); }
    footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
    @page { size: A4 landscape; margin: 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11px; }
      nav { display: none; }
      section { break-inside: avoid-page; }
      h2, h3 { break-after: avoid; }
      tr { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      .grid { font-size: 9px; }
      .grid th.row, .grid td.row { width: 170px; }
    }
    """
}
