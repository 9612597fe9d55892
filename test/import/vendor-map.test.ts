import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import type { TopologyDocument } from "../../src/import/types.js";
import { applyVendorMap, parseVendorMap } from "../../src/import/vendor-map.js";
import { inputOf } from "./datasets.js";

const doc: TopologyDocument = {
  cleanpath: 1,
  elements: [
    { id: "0", name: "Paris", role: "backbone" },
    { id: "1", name: "Berlin", role: "backbone" },
    { id: "2", name: "Berlin", role: "backbone" },
    { id: "3", name: "Peer", role: "other", tags: ["external"] },
    { id: "4", name: "Cloud", role: "other", passive: true, tags: ["segment"] },
    { id: "5", name: "Rome", role: "backbone", vendor: "Juniper" },
  ],
  links: [],
};

describe("vendor map", () => {
  it("matches by id before name, names match every element carrying them, and * fills the rest", () => {
    const map = parseVendorMap(inputOf("m.yaml", `"*": Nokia\nBerlin: Huawei\n"2": { vendor: ZTE, role: core, tags: [gov] }\n`));
    const { document, skipped } = applyVendorMap(doc, map);
    expect(document.elements.map((e) => [e.id, e.vendor, e.role])).toEqual([
      ["0", "Nokia", "backbone"], ["1", "Huawei", "backbone"], ["2", "ZTE", "core"],
      ["3", undefined, "other"], ["4", undefined, "other"], ["5", "Juniper", "backbone"],
    ]);
    expect(document.elements[2]!.tags).toEqual(["gov"]);
    expect(skipped).toEqual([]);
    expect(doc.elements[1]!.vendor).toBeUndefined();
  });

  it("lets * fill the vendor of elements whose entry sets only a role", () => {
    const map = parseVendorMap(inputOf("m.yaml", `"*": { vendor: Nokia, role: edge }\nParis: { role: core }\n`));
    const { document } = applyVendorMap(doc, map);
    expect(document.elements[0]).toEqual({ id: "0", name: "Paris", role: "core", vendor: "Nokia" });
    expect(document.elements[1]).toEqual({ id: "1", name: "Berlin", role: "edge", vendor: "Nokia" });
  });

  it("reads CSV maps keyed by id, label or name", () => {
    const map = parseVendorMap(inputOf("m.csv", "label,vendor,role,passive\nParis,Ericsson,core,\nRome,,edge,true\n"));
    const { document } = applyVendorMap(doc, map);
    expect(document.elements[0]).toEqual({ id: "0", name: "Paris", role: "core", vendor: "Ericsson" });
    expect(document.elements[5]).toEqual({ id: "5", name: "Rome", role: "edge", vendor: "Juniper", passive: true });
  });

  it("reports entries that match nothing, with their position", () => {
    const map = parseVendorMap(inputOf("m.yaml", "Paris: Nokia\nPariss: Nokia\n"));
    expect(applyVendorMap(doc, map).skipped).toEqual([
      { what: "vendor-map entry `Pariss`", why: "matches no element id or name", location: { file: "m.yaml", line: 2, column: 9 } },
    ]);
  });

  it("rejects bad roles, unknown fields and invalid tags, all at once", () => {
    const run = () => parseVendorMap(inputOf("m.yaml", "a: { vendor: X, role: cor }\nb: { vendr: Y }\nc: { tags: [\"bad tag\"] }\n"));
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (err) {
      expect((err as InputError).diagnostics.map((d) => `${d.location?.line} ${d.message}`)).toEqual([
        expect.stringMatching(/^1 role `cor` is not one of .* \(did you mean `core`\?\)$/),
        expect.stringMatching(/^2 `vendr` is not a vendor-map field .*did you mean `vendor`/),
        expect.stringMatching(/^3 tag `bad tag` is not an id/),
      ]);
    }
  });

  it("rejects a map that is not a mapping", () => {
    expect(() => parseVendorMap(inputOf("m.yaml", "- a\n- b\n"))).toThrow(/is a mapping/);
  });
});
