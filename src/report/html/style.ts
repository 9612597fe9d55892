/**
 * The report's stylesheet: system fonts only (nothing to download), readable on screen, and a
 * print layout for "Print to PDF": no filters or buttons, each section on a new page, diagrams
 * and table rows never split, every row shown whatever the filters hid.
 */
export const css = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9dee5;--bg:#f6f7f9;--high:#c62828;--high-bg:#fde2e1;--unknown:#b7791f;--unknown-bg:#fff4d6;--clean:#2e7d32;--clean-bg:#e3f3e4;--routed:#1f4e9c}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
header.doc-head{padding:24px 32px 12px;border-bottom:3px solid var(--ink)}
header.doc-head h1{margin:0 0 4px;font-size:26px}
.sub,.muted{color:var(--muted)}
nav.toc{padding:8px 32px;background:var(--bg);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
nav.toc a{margin-right:16px;color:var(--routed);text-decoration:none}
main{padding:0 32px 32px;max-width:1200px}
section{padding-top:12px}
h2{font-size:20px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:28px}
h3{font-size:16px;margin:20px 0 8px}
h4{font-size:14px;margin:14px 0 6px}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.outcome{display:flex;gap:16px;align-items:center;padding:12px 16px;border-radius:6px;margin:8px 0 16px}
.outcome-word{font-size:24px;font-weight:700;letter-spacing:.05em}
.outcome-pass{background:var(--clean-bg);color:#1b5e20}
.outcome-fail{background:var(--high-bg);color:#7f1d1d}
.stats{display:flex;flex-wrap:wrap;gap:10px}
.stat{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px;background:#fff}
.stat-value{display:block;font-size:22px;font-weight:700}
.stat-label{color:var(--muted);font-size:12px}
.stat.bad .stat-value{color:var(--high)}
.stat.warn .stat-value{color:var(--unknown)}
.stat.zero{opacity:.55}
.verdict{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.v-unreachable{background:#e4e7eb;color:#3e4c59}.v-dirty{background:var(--high);color:#fff}.v-routed-dirty{background:#f3c4c2;color:#7f1d1d}
.v-fragile{background:var(--unknown-bg);color:#5c3d00}.v-exposed{background:#e0f2f1;color:#00504a}.v-clean{background:var(--clean-bg);color:#1b5e20}
.verdict-card{background:#fff!important;color:var(--ink)!important;border-top-width:5px}
.verdict-card.v-unreachable{border-top-color:#7b8794}.verdict-card.v-dirty{border-top-color:var(--high)}.verdict-card.v-routed-dirty{border-top-color:#e5736f}.verdict-card.v-fragile{border-top-color:#d9a21b}.verdict-card.v-exposed{border-top-color:#26a69a}.verdict-card.v-clean{border-top-color:#43a047}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
ul.sources li{margin-bottom:4px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.failed{color:var(--high);font-weight:600}
td.passed{color:var(--clean)}
.data td:first-child code{white-space:nowrap}
td.hash{font:12px ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.loc{font:12px ui-monospace,Menlo,Consolas,monospace;color:var(--muted);overflow-wrap:anywhere}
.bad-text{color:var(--high)}
.tag{display:inline-block;white-space:nowrap;padding:0 6px;border-radius:8px;font-size:11px;font-weight:600}
.tag-high{background:var(--high-bg);color:#7f1d1d}.tag-unknown{background:var(--unknown-bg);color:#5c3d00}
.level{font-weight:700}.level-error{color:var(--high)}.level-warning{color:var(--unknown)}.level-note,.level-waived{color:var(--muted)}
.filters{display:none;flex-wrap:wrap;gap:12px;align-items:end;padding:10px 12px;background:var(--bg);border:1px solid var(--line);border-radius:6px}
.js .filters{display:flex}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
.filters select,.filters input,.filters button{font:inherit;padding:4px 6px;border:1px solid #b8c0cc;border-radius:4px;background:#fff;color:var(--ink)}
.filters input{min-width:220px}
#f-count{font-size:12px;color:var(--muted);margin-left:auto}
.pair{border:1px solid var(--line);border-left:4px solid var(--high);border-radius:6px;padding:4px 16px 12px;margin:16px 0}
.pair h3 small{color:var(--muted);font-weight:400;margin-left:6px}
figure{margin:12px 0}
.diagram svg{max-width:100%;height:auto;display:block}
figcaption{font-size:12px;color:var(--muted)}
.chart figcaption{font-size:14px;font-weight:600;color:var(--ink);margin-bottom:4px}
.legend-line{margin-top:4px}
.key{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin:0 2px 0 10px;border:1px solid rgba(0,0,0,.25)}
.key-high{background:var(--high)}.key-unknown{background:#d9a21b}.key-clean{background:#43a047}
.line-routed{height:4px;border:0;background:var(--routed);vertical-align:2px}.line-clean{height:4px;border:0;background:var(--clean);vertical-align:2px}
ol.hops{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 0;align-items:center}
ol.hops li{display:flex;align-items:center}
ol.hops li+li::before{content:"→";margin:0 6px;color:var(--muted)}
.hop{padding:1px 6px;border:1px solid var(--line);border-radius:4px;background:#fff}
.hop-high{background:var(--high-bg)!important;border-color:var(--high)!important;color:#7f1d1d}
.hop-unknown{background:var(--unknown-bg)!important;border-color:var(--unknown)!important}
.hop-link{font-style:italic}
ul.items li{margin-bottom:4px}
ul.items li.high{list-style:square;color:inherit}
.reason{color:var(--muted);font-size:12.5px}
.chart-svg,.map-svg{max-width:100%;height:auto;display:block}
.diagram text{font-family:Arial,Helvetica,"Liberation Sans",sans-serif}
.bar-label{font-size:12px;text-anchor:end;fill:var(--ink)}
.seg{stroke:#fff;stroke-width:1}
.seg-high{stroke:#7f1d1d}
.seg-label{font-size:10.5px;text-anchor:middle;fill:#fff;pointer-events:none}
.seg-label-dark{fill:var(--ink)}
.bar-note{font-size:12px;fill:var(--muted)}.bar-note-high{fill:var(--high);font-weight:700}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}
.swatch{vertical-align:-1px;margin-right:4px}
.sea{fill:#eef4f8}
.land{fill:#e6e2d6;stroke:#a8a294;stroke-width:.6;fill-rule:evenodd}
.site-high{fill:var(--high);stroke:#fff;stroke-width:1.2}.site-unknown{fill:#d9a21b;stroke:#fff;stroke-width:1.2}.site-clean{fill:#43a047;stroke:#fff;stroke-width:1.2}
.site-label{font-size:10px;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:2.5px}
footer{padding:16px 32px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
@media screen{tr.off{display:none}}
@media print{
  @page{margin:14mm}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:10pt}
  nav.toc,.filters,.js .filters,button,.note{display:none!important}
  main{padding:0;max-width:none}
  header.doc-head{padding:0 0 8px}
  section{break-before:page}
  section#summary{break-before:auto}
  h2,h3,h4{break-after:avoid}
  figure,.diagram,.chart,.map,.stat,.outcome,tr,ol.hops,ul.items li{break-inside:avoid}
  .pair{break-inside:auto;border-left-width:3px}
  a{color:inherit;text-decoration:none}
  thead{display:table-header-group}
  table.data{font-size:8pt}
  table.data th{font-size:7pt}
  table.data td{padding:3px 5px}
  footer{padding:8px 0}
}
`;
