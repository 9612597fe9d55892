import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, scratch } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

/**
 * Byte-mutation fuzzing: whatever a file turns into, cleanpath answers with exit 0, 1 or 2 —
 * never an internal error (3) and never a crash. A few hundred cases in `npm test`, more with
 * CLEANPATH_FUZZ_RUNS.
 */
const runs = Number(process.env.CLEANPATH_FUZZ_RUNS ?? 300);

const yamlSeed = `cleanpath: 1
name: fuzz
sites:
  mty: {country: MX, lat: 25.6, lon: -100.3, tags: [border-zone]}
operators:
  altan: {name: "Altán Redes"}
elements:
  - {id: a, role: core, vendor: Nokia, site: mty, operator: altan, installed: 2019-05-01}
  - id: b
    role: aggregation
    vendor: "Huawei Technologies Co., Ltd."
    components: [{vendor: hisilicon, part: SoC}]
  - {id: c, role: ran, vendor: ZTE, state: planned}
links:
  - [a, b, 10]
  - {a: b, b: c, metric: 5, medium: microwave, vendor: Huawei}
flows:
  - {id: f, from: a, to: {role: ran}, failOn: fragile, failures: 1}
`;
const jsonSeed = JSON.stringify({
  cleanpath: 1,
  sites: { mty: { country: "MX" } },
  elements: [
    { id: "a", role: "core", vendor: "Nokia", site: "mty" },
    { id: "b", role: "ran", vendor: "Huawei" },
  ],
  links: [["a", "b", 3], { a: "b", b: "a", direction: "forward" }],
});

const interesting = [..."{}[]:,-#'\"&*!|>?%@`\\\n\t\r 01aZ"].map((c) => c.charCodeAt(0)).concat([0, 0x7f, 0xc3, 0xa9, 0xe2, 0x80, 0xae, 0xff, 0xfe]);

const mutation = fc.array(
  fc.tuple(fc.nat(), fc.constantFrom("flip", "insert", "delete", "dup"), fc.constantFrom(...interesting), fc.nat(40)),
  { minLength: 1, maxLength: 6 },
);

function mutate(seed: Buffer, edits: [number, string, number, number][]): Buffer {
  let b = Buffer.from(seed);
  for (const [at, op, byte, len] of edits) {
    const i = b.length === 0 ? 0 : at % b.length;
    if (op === "flip") b[i] = byte;
    else if (op === "insert") b = Buffer.concat([b.subarray(0, i), Buffer.from([byte]), b.subarray(i)]);
    else if (op === "delete") b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + (len % 8)))]);
    else b = Buffer.concat([b.subarray(0, i + len), b.subarray(i, i + len), b.subarray(i + len)]);
  }
  return b;
}

describe("fuzzing the CLI with mutated files", () => {
  const s = scratch({});
  afterAll(s.cleanup);

  for (const [name, seed, ext] of [["YAML", yamlSeed, "yaml"], ["JSON", jsonSeed, "json"]] as const) {
    it(`never fails internally on mutated ${name}`, async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(mutation, async (edits) => {
          const file = s.path(`m${n++}.${ext}`);
          const bytes = mutate(Buffer.from(seed), edits);
          writeFileSync(file, bytes);
          const r = await runMain(["validate", file], s.dir);
          expect([0, 1, 2], `${r.stderr}\n${JSON.stringify(bytes.toString("latin1"))}`).toContain(r.code);
          if (r.code === 2) expect(r.stderr).toMatch(/  E_[A-Z_]+  /);
        }),
        { numRuns: runs },
      );
    });
  }

  it("survives mutated files as a real process too (a sample)", () => {
    fc.assert(
      fc.property(mutation, (edits) => {
        const file = s.path("p.yaml");
        writeFileSync(file, mutate(Buffer.from(yamlSeed), edits));
        const r = runCli(["validate", file], { cwd: s.dir });
        expect(r.signal).toBeNull();
        expect([0, 1, 2]).toContain(r.code);
      }),
      { numRuns: Math.min(20, runs) },
    );
  });
});
