import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { emitYaml, yamlComment, yamlString } from "../../src/import/emit-yaml.js";

describe("yaml emitter", () => {
  it.each([
    ["r1", "r1"],
    ["New York", "New York"],
    ["ethernet-1/1", "ethernet-1/1"],
    ["0", '"0"'],
    ["12", '"12"'],
    ["1.5", '"1.5"'],
    ["2020-01-01", '"2020-01-01"'],
    ["null", '"null"'],
    ["No", '"No"'],
    ["on", '"on"'],
    ["y", '"y"'],
    ["True", '"True"'],
    ["", '""'],
    [" padded", '" padded"'],
    ["padded ", '"padded "'],
    ["a: b", '"a: b"'],
    ["a #b", '"a #b"'],
    ["a,b", '"a,b"'],
    ["[x]", '"[x]"'],
    ["{x}", '"{x}"'],
    ["&anchor", '"&anchor"'],
    ["*alias", '"*alias"'],
    ["!tag", '"!tag"'],
    ["|", '"|"'],
    [">", '">"'],
    ["'q'", `"'q'"`],
    ['"q"', '"\\"q\\""'],
    ["%x", '"%x"'],
    ["@x", '"@x"'],
    ["`x`", '"`x`"'],
    ["-x", '"-x"'],
    ["line\nbreak", '"line\\nbreak"'],
    ["two  spaces", '"two  spaces"'],
    ["sep\u2028arator", '"sep\\u2028arator"'],
  ])("writes %j as %s", (input, output) => {
    expect(yamlString(input)).toBe(output);
    expect(parse(`v: ${output}`)).toEqual({ v: input });
  });

  it("writes the layout the import format promises: block maps and sequences of flow maps", () => {
    const text = emitYaml(
      { cleanpath: 1, name: "lab", sites: { s1: { name: "Site 1", lat: 1.5 } }, elements: [{ id: "r1", role: "core", vendor: "Nokia" }], links: [] },
      ["source: x.clab.yml"],
    );
    expect(text).toBe(
      "# source: x.clab.yml\ncleanpath: 1\nname: lab\nsites:\n  s1: {name: Site 1, lat: 1.5}\nelements:\n  - {id: r1, role: core, vendor: Nokia}\nlinks: []\n",
    );
  });

  it("keeps comments on one line whatever the text", () => {
    expect(yamlComment("a\nb\r\nc\u2028d")).toBe("# a b c d");
    expect(parse(emitYaml({ cleanpath: 1 }, ["x\ncleanpath: 2", "\u0000"]))).toEqual({ cleanpath: 1 });
  });

  it("writes -0 so that it reads back as -0", () => {
    expect(parse(emitYaml({ v: [-0] }))).toEqual({ v: [-0] });
  });

  it("round-trips any topology-shaped document through yaml's parser", () => {
    // Random code points, plus strings glued from the fragments YAML treats specially.
    const fragments = ["a", "Z", "1", "0x", ".", "e", "-", ":", " ", "#", ",", "[", "]", "{", "}", "'", '"', "\n", "\t", "~", "&", "*", "!", "|", ">", "%", "@", "`", "?", "null", "true", "No", "on", "y", ".inf", "<<", "\u2028", "\u0085", "é"];
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.array(fc.constantFrom(...fragments), { maxLength: 5 }).map((p) => p.join("")));
    const key = text.filter((k) => k !== "__proto__");
    const scalar = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean());
    const meta = fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(key, scalar, { maxKeys: 3 })), { maxKeys: 4 });
    const element = fc.record({ id: text, name: text, role: text, vendor: text, tags: fc.array(text, { maxLength: 3 }), meta }, { requiredKeys: ["id", "role"] });
    const link = fc.record({ a: text, b: text, metric: fc.integer({ min: 1, max: 1e9 }), meta }, { requiredKeys: ["a", "b"] });
    const site = fc.record({ name: text, lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }), tags: fc.array(text) }, { requiredKeys: [] });
    const doc = fc.record({
      cleanpath: fc.constant(1),
      name: text,
      sites: fc.dictionary(key, site, { maxKeys: 4 }),
      elements: fc.array(element, { maxLength: 5 }),
      links: fc.array(link, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(doc, fc.array(text, { maxLength: 3 }), (d, header) => {
        expect(parse(emitYaml(d, header))).toEqual(d);
      }),
      { numRuns: 500 },
    );
  });
});
