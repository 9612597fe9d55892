import type { PlanPhase } from "../../result.js";
import { esc } from "../html/escape.js";
import { costText, phaseText, plural } from "./words.js";

/** Round tops for the cost axis, per power of ten: each quarter of them is a round figure too. */
const niceSteps = [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10];

/** The top of the cost axis: the smallest round figure (niceSteps × 10^k) at or above `max` (1 for nothing). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const scale = 10 ** Math.floor(Math.log10(max));
  for (const m of niceSteps) if (m * scale >= max * (1 - 1e-12)) return m * scale;
  return 10 * scale;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** What a phase is, for its bar's colour: a deadline's, the flows', or the rest. */
function phaseClass(p: PlanPhase): string {
  return p.by !== null ? "phase-deadline" : p.name === "flows" ? "phase-flows" : "phase-other";
}

/**
 * The phases as a bar chart in inline SVG: one bar per phase, its height the phase's cost, in the
 * order of the plan, and the cumulative cost as a line over them, on one cost axis (0 to a round
 * figure at or above the total). Each bar and point has a tooltip with the figures.
 */
export function phaseChart(phases: readonly PlanPhase[]): string {
  const slot = 96;
  const left = 84;
  const top = 16;
  const plotH = 200;
  const bottom = 44;
  const width = left + phases.length * slot + 24;
  const height = top + plotH + bottom;
  const max = niceMax(Math.max(...phases.map((p) => Math.max(p.cost, p.cumulativeCost))));
  const y = (v: number): number => round1(top + plotH - (v / max) * plotH);
  const out: string[] = [];
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line class="grid-line" x1="${left}" y1="${y(max * f)}" x2="${width - 12}" y2="${y(max * f)}"/>`);
    out.push(`<text class="axis-label" x="${left - 6}" y="${round1(y(max * f) + 4)}">${esc(costText(max * f))}</text>`);
  }
  const points: string[] = [];
  phases.forEach((p, i) => {
    const x = left + i * slot + 16;
    const w = slot - 32;
    const cx = round1(x + w / 2);
    const label = phaseText(p);
    const short = p.name.length > 14 ? `${p.name.slice(0, 13)}…` : p.name;
    const tip = `${label}: ${plural(p.items.length, "item")}, cost ${costText(p.cost)}, cumulative ${costText(p.cumulativeCost)}`;
    out.push(
      `<rect class="phase-bar ${phaseClass(p)}" data-phase="${esc(p.name)}" x="${x}" y="${y(p.cost)}" width="${w}" height="${round1(top + plotH - y(p.cost))}"><title>${esc(tip)}</title></rect>`,
      // Inside a tall bar (the cumulative line starts at its top), above a short one.
      top + plotH - y(p.cost) >= 20
        ? `<text class="bar-value bar-value-in" x="${cx}" y="${round1(y(p.cost) + 18)}">${esc(costText(p.cost))}</text>`
        : `<text class="bar-value" x="${cx}" y="${round1(y(p.cost) - 4)}">${esc(costText(p.cost))}</text>`,
      `<text class="phase-name" x="${cx}" y="${top + plotH + 16}">${esc(short)}<title>${esc(label)}</title></text>`,
    );
    if (p.by !== null) out.push(`<text class="phase-by" x="${cx}" y="${top + plotH + 32}">by ${esc(p.by)}</text>`);
    points.push(`${cx},${y(p.cumulativeCost)}`);
  });
  out.push(`<polyline class="cumulative" points="${points.join(" ")}"/>`);
  phases.forEach((p, i) => {
    const [cx, cy] = points[i]!.split(",");
    out.push(`<circle class="cumulative-point" cx="${cx}" cy="${cy}" r="4"><title>${esc(`cumulative after ${phaseText(p)}: ${costText(p.cumulativeCost)}`)}</title></circle>`);
  });
  return (
    `<figure class="chart phase-chart"><figcaption>Cost per phase, and the cumulative cost</figcaption>` +
    `<svg class="chart-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Cost per phase, and the cumulative cost">${out.join("")}</svg>` +
    `<ul class="legend"><li><span class="key key-deadline"></span>a deadline's phase</li><li><span class="key key-flows"></span>flows</li><li><span class="key key-other"></span>other</li><li><span class="key line-cumulative"></span>cumulative cost</li></ul></figure>`
  );
}

/** The chart's stylesheet, added to the report's. */
export const chartCss = `
.grid-line{stroke:var(--line);stroke-width:1}
.axis-label{font-size:11px;text-anchor:end;fill:var(--muted)}
.phase-bar{stroke:#fff;stroke-width:1}
.phase-deadline{fill:var(--routed)}.phase-flows{fill:#4f9d8f}.phase-other{fill:#9aa5b1}
.bar-value{font-size:11px;text-anchor:middle;fill:var(--ink)}.bar-value-in{fill:#fff}
.phase-name{font-size:12px;text-anchor:middle;fill:var(--ink)}
.phase-by{font-size:11px;text-anchor:middle;fill:var(--muted)}
.cumulative{fill:none;stroke:var(--high);stroke-width:2}
.cumulative-point{fill:#fff;stroke:var(--high);stroke-width:2}
.key-deadline{background:var(--routed)}.key-flows{background:#4f9d8f}.key-other{background:#9aa5b1}
.line-cumulative{height:3px;border:0;background:var(--high);vertical-align:3px}
`;
