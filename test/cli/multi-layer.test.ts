import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditResult, PairResult } from "../../src/result.js";
import { root, runCli, scratch } from "../helpers/cli.js";

const example = "examples/multi-layer.yaml";

function audit(args: readonly string[], file = example): { code: number | null; result: AuditResult } {
  const r = runCli(["audit", ...args.slice(0, 1), file, ...args.slice(1), "--format", "json"]);
  expect(r.stderr).not.toMatch(/E_[A-Z_]+/);
  return { code: r.code, result: JSON.parse(r.stdout) as AuditResult };
}

function pair(result: AuditResult, from: string): PairResult {
  const p = result.pairs.find((x) => x.from === from);
  if (p === undefined) throw new Error(`no pair from ${from}`);
  return p;
}

/** The same network as an IP-only inventory would describe it: every `underlay:` entry removed. */
function ipOnly(): { file: string; cleanup: () => void } {
  const text = readFileSync(join(root, example), "utf8").replace(/, underlay: \[[^\]]*\]/g, "");
  expect(text).not.toMatch(/underlay:/);
  const s = scratch({ "ip-only.yaml": text });
  return { file: s.path("ip-only.yaml"), cleanup: s.cleanup };
}

describe("examples/multi-layer.yaml: the layers change the verdicts", () => {
  it("the ministry's path is clean at the IP layer and routed-dirty over the Huawei DWDM channel", () => {
    const ip = ipOnly();
    try {
      expect(pair(audit(["path", "--from", "gov-ber", "--to", "dc-fra"], ip.file).result, "gov-ber").verdict).toBe("clean");
    } finally {
      ip.cleanup();
    }
    const { code, result } = audit(["path", "--from", "gov-ber", "--to", "dc-fra"]);
    expect(code).toBe(1);
    const p = pair(result, "gov-ber");
    expect(p.verdict).toBe("routed-dirty");
    expect(p.routed!.riskyItems).toEqual(["oadm-ber", "oadm-fra", "oadm-lej", "och-ber-lej", "och-lej-fra"]);
    // The IP link is clean itself: it is risky only through what carries it, and `via` says so.
    expect(p.routed!.riskyItems).not.toContain("ip-ber-fra");
    expect(p.via).toEqual({
      "oadm-ber": ["ip-ber-fra"],
      "oadm-fra": ["ip-ber-fra"],
      "oadm-lej": ["ip-ber-fra"],
      "och-ber-lej": ["ip-ber-fra"],
      "och-lej-fra": ["ip-ber-fra"],
    });
    expect(p.cleanAlternative!.path).toEqual(["gov-ber", "core-ber", "core-ham", "core-fra", "dc-fra"]);
    expect(result.items["ip-ber-fra"]!.closure).toEqual(["oadm-ber", "och-ber-lej", "oadm-lej", "och-lej-fra", "oadm-fra"]);
  });

  it("the hospital's two links share a duct: exposed at the IP layer, fragile with one failure", () => {
    const ip = ipOnly();
    try {
      const before = pair(audit(["path", "--from", "hospital-muc", "--to", "dc-fra", "--failures", "1"], ip.file).result, "hospital-muc");
      expect(before.verdict).toBe("exposed");
    } finally {
      ip.cleanup();
    }
    const p = pair(audit(["path", "--from", "hospital-muc", "--to", "dc-fra", "--failures", "1"]).result, "hospital-muc");
    expect(p.verdict).toBe("fragile");
    expect(p.failover!.dirtyAfter).toEqual([{ failed: "duct-a8", riskyItems: ["mw-muc-nue"] }]);
  });

  it("the mobile user plane runs on Huawei servers: exposed at the IP layer, dirty with the layers, one server to replace", () => {
    const ip = ipOnly();
    try {
      expect(pair(audit(["path", "--from", "gnb-muc-1", "--to", "peer-fra"], ip.file).result, "gnb-muc-1").verdict).toBe("exposed");
    } finally {
      ip.cleanup();
    }
    const p = pair(audit(["path", "--from", "gnb-muc-1", "--to", "peer-fra"]).result, "gnb-muc-1");
    expect(p.verdict).toBe("dirty");
    expect(p.routed!.riskyItems).toEqual(["srv-fra-7"]);
    expect(p.via).toEqual({ "srv-fra-7": ["upf-fra"] });
    expect(p.remediation).toEqual({ items: ["srv-fra-7"], cost: 38000, measure: "replacementCost" });
  });

  it("under de-2024 the Nokia user-plane function counts as high-risk in the core through its servers", () => {
    const r = runCli(["audit", "rules", example, "--policy", "de-2024", "--as-of", "2027-01-15", "--format", "json"]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout) as AuditResult;
    const core = result.findings.filter((f) => f.rule === "de-core-deadline");
    expect(core.map((f) => f.items)).toContainEqual(["upf-fra"]);
    expect(core.find((f) => f.items[0] === "upf-fra")!.message).toMatch(/srv-fra-7/);
  });
});
