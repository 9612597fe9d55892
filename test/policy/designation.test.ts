import { describe, expect, it } from "vitest";
import { CLEAN, designate, HIGH, UNKNOWN } from "../../src/policy/designation.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { loadTopology } from "../../src/index.js";
import { VendorRegistry } from "../../src/vendors/registry.js";
import { scratch } from "../helpers/cli.js";

const topo = `cleanpath: 1
elements:
  - { id: n-high, role: aggregation, vendor: nokia, risk: high }
  - { id: n1, role: aggregation, vendor: nokia }
  - { id: n-passive, role: aggregation, vendor: nokia, passive: true }
  - { id: h1, role: aggregation, vendor: huawei }
  - { id: h-passive, role: aggregation, vendor: huawei, passive: true }
  - { id: h2, role: aggregation, vendor: Huawei Technologies }
  - { id: h3, role: aggregation, vendor: huawei }
  - { id: n-comp, role: aggregation, vendor: nokia, components: [{ vendor: zte, part: optics }] }
  - { id: n2, role: aggregation, vendor: nokia }
  - { id: x1, role: aggregation, vendor: Nowhere Networks }
  - { id: x2, role: aggregation, vendor: Nowhere Networks }
  - { id: none, role: aggregation }
links:
  - [n1, h1]
  - { a: n1, b: n2, vendor: huawei }
  - { a: n1, b: h3, vendor: huawei, risk: high }
  - { a: n2, b: x1, vendor: Nowhere Networks }
  - { a: x1, b: x2 }
`;

describe("designation, judged once per vendor where only the vendor can decide", () => {
  it("gives every item its own level and reasons, whatever the items of the same vendor carry", () => {
    const s = scratch({ "t.yaml": topo });
    try {
      const { topology } = loadTopology(s.path("t.yaml"));
      const d = designate(topology, new VendorRegistry(), defaultRiskSpec("risky"), "2026-01-01");
      const levels = Object.fromEntries(topology.elements.map((e, i) => [e.id, d.elements[i]]));
      expect(levels).toEqual({
        "n-high": HIGH,
        n1: CLEAN,
        "n-passive": CLEAN,
        h1: HIGH,
        "h-passive": CLEAN,
        h2: HIGH,
        h3: HIGH,
        "n-comp": HIGH,
        n2: CLEAN,
        x1: UNKNOWN,
        x2: UNKNOWN,
        none: UNKNOWN,
      });
      const kinds = (i: number): string[] => d.reasons("element", i).map((r) => r.kind);
      expect(kinds(0)).toEqual(["explicit"]);
      expect(kinds(1)).toEqual([]);
      expect(kinds(3)).toEqual(["vendor"]);
      expect(kinds(7)).toEqual(["component"]);
      expect(d.reasons("element", 9)).toEqual([{ kind: "unknown-vendor", value: "Nowhere Networks", source: expect.stringContaining("not in the registry") }]);
      expect(d.reasons("element", 11)[0]!.value).toBe("(no vendor)");
      expect([d.vendorId("element", 1), d.vendorId("element", 3), d.vendorId("element", 5), d.vendorId("element", 9)]).toEqual(["nokia", "huawei", "huawei", undefined]);
      expect(Array.from(d.links)).toEqual([CLEAN, HIGH, HIGH, UNKNOWN, CLEAN]);
      expect(d.reasons("link", 2).map((r) => r.kind)).toEqual(["explicit", "vendor"]);
      expect(d.reasons("link", 4)).toEqual([]);
    } finally {
      s.cleanup();
    }
  });
});
