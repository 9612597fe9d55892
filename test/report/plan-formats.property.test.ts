import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlanItem, type PlanResult, verdicts } from "../../src/result.js";
import { planColumns } from "../../src/report/plan/csv.js";
import { planReporters } from "../../src/report/plan/index.js";
import { goldenContext, parseCsv } from "./helpers.js";
import { completePlan } from "./plan-fixtures.js";

// Ids from the whole of Unicode, control characters and markup included.
const id = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom("<b>x</b>", "=1+1", "a|b", "@here", "\r\n", "\u001b[2J", "-x"));
const pair = fc.tuple(id, id);
const verdict = fc.constantFrom(...verdicts);

const plan: fc.Arbitrary<PlanResult> = fc
  .record({
    items: fc.array(
      fc.record({ id, vendor: fc.option(id, { nil: undefined }), site: fc.option(id, { nil: undefined }), cost: fc.integer({ min: 0, max: 10_000_000 }), phase: id, pairs: fc.array(pair, { maxLength: 5 }), rules: fc.array(id, { maxLength: 3 }) }),
      { maxLength: 6 },
    ),
    pairs: fc.array(fc.record({ flow: fc.option(id, { nil: null }), from: id, to: id, before: verdict, after: verdict, passedAfter: fc.boolean() }), { maxLength: 6 }),
    unfixable: fc.array(fc.record({ from: id, to: id, why: id }), { maxLength: 2 }),
    optimal: fc.boolean(),
  })
  .map(({ items, pairs, unfixable, optimal }) => {
    const base = completePlan();
    const list: PlanItem[] = items.map((x) => ({ id: x.id, type: "element", vendor: x.vendor, site: x.site, cost: x.cost, phase: x.phase, fixes: { pairs: x.pairs, flows: [], rules: x.rules } }));
    const phases = [...new Set(list.map((it) => it.phase))];
    let cumulative = 0;
    return {
      ...base,
      optimal,
      items: list,
      totalCost: list.reduce((s, it) => s + it.cost, 0),
      phases: phases.map((name) => {
        const mine = list.filter((it) => it.phase === name);
        const cost = mine.reduce((s, it) => s + it.cost, 0);
        cumulative += cost;
        return { name, by: null, items: mine.map((it) => it.id), cost, cumulativeCost: cumulative };
      }),
      pairs: pairs.map((p) => ({ ...p, failOn: "routed-dirty" as const, weight: 1 })),
      unfixable: unfixable.map((u) => ({ kind: "pair" as const, flow: null, ...u })),
      passed: unfixable.length === 0,
    };
  });

const controls = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

describe("plan formats on any plan", () => {
  it("table and markdown let no control character or markup through; csv parses to a row per item; html runs nothing", () => {
    fc.assert(
      fc.property(plan, fc.boolean(), (r, quiet) => {
        const ctx = { ...goldenContext, quiet };
        expect(planReporters.table(r, ctx)).not.toMatch(controls);
        const md = planReporters.markdown(r, ctx);
        expect(md).not.toMatch(controls);
        expect(md).not.toMatch(/<(?!\/?(code|sub|details|summary)>)/);
        const rows = parseCsv(planReporters.csv(r, ctx));
        expect(rows).toHaveLength(r.items.length + 1);
        for (const row of rows) expect(row).toHaveLength(planColumns.length);
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        const page = planReporters.html(r, ctx);
        const body = page.slice(page.indexOf("<body>"));
        expect(body).not.toMatch(controls);
        expect(body).not.toMatch(/<(script|img|iframe|b>)/);
        expect(body.match(/<rect class="phase-bar /g) ?? []).toHaveLength(r.phases.length);
        expect(JSON.parse(planReporters.json(r, ctx))).toEqual(JSON.parse(JSON.stringify(r)));
      }),
      { numRuns: 150 },
    );
  });
});
