import { describe, expect, it } from "vitest";
import { outputText } from "../../src/report/context.js";
import { planReporters } from "../../src/report/plan/index.js";
import { expectGolden, goldenContext } from "./helpers.js";
import { planCases } from "./plan-fixtures.js";

const all = planCases();
const formats = [
  { name: "table", ext: "table.txt" },
  { name: "markdown", ext: "md" },
  { name: "csv", ext: "csv" },
  { name: "html", ext: "html" },
] as const;

describe.each(formats)("plan $name golden files", ({ name, ext }) => {
  it.each(all)("$name", ({ name: c, result }) => {
    const render = planReporters[name];
    const text = outputText(render(result, goldenContext));
    expectGolden(`plan/${c}.${ext}`, text);
    // A pure function of the result: the same input gives the same bytes, and the input is left as it was.
    const copy = structuredClone(result);
    expect(outputText(render(copy, goldenContext))).toBe(text);
    expect(copy).toEqual(result);
  });
});
