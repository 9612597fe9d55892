import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { runCli, scratch } from "../helpers/cli.js";

const epoch = { SOURCE_DATE_EPOCH: "1767225600" };

describe("cleanpath report", () => {
  it("audits the declared flows into one HTML file, the exit code from the audit", () => {
    const s = scratch({});
    try {
      const a = runCli(["report", "examples/national-wholesale.yaml", "-o", s.path("a.html")], { env: epoch });
      const b = runCli(["report", "examples/national-wholesale.yaml", "-o", s.path("b.html")], { env: epoch });
      expect(a.code).toBe(1);
      expect(a.stdout).toBe("");
      expect(a.stderr).toMatch(/cleanpath: failed \(11 pairs, 2 failing; 0 rules failing\); wrote .*a\.html/);
      const text = readFileSync(s.path("a.html"), "utf8");
      expect(text.startsWith("<!doctype html>")).toBe(true);
      expect(text).toContain("flow <code>border-to-core</code>");
      expect(text).toContain('<figure class="diagram"><svg');
      expect(readFileSync(s.path("b.html"), "utf8")).toBe(text);
    } finally {
      s.cleanup();
    }
  });

  it("takes each flow's own threshold and failures", () => {
    const r = runCli(["report", "examples/national-wholesale.yaml", "--format", "json"], { env: epoch });
    const result = JSON.parse(r.stdout) as AuditResult;
    const gov = result.pairs.find((p) => p.flow === "gov-to-dc")!;
    expect(gov.failOn).toBe("fragile");
    expect(gov.failover?.failures).toBe(1);
    expect(new Set(result.pairs.map((p) => p.flow))).toEqual(new Set(["gov-to-dc", "border-to-core"]));
  });

  it("audits --from/--to instead of the flows, writing HTML to stdout by default", () => {
    const r = runCli(["report", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe", "--to", "hq-dc"], { env: epoch });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(r.stdout).toContain("<code>embassy-cpe</code> → <code>hq-dc</code>");
    expect(r.stdout).toContain('<span class="muted">ad hoc</span>');
  });

  it("refuses half a pair; reports the inventory of a network that declares nothing to audit", () => {
    const half = runCli(["report", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe"]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain("give both --from and --to, or neither");
    expect(half.stdout).toBe("");
    const s = scratch({ "net.yaml": "cleanpath: 1\nelements:\n  - { id: a, role: core, vendor: Nokia }\n  - { id: b, role: ran, vendor: Huawei }\n" });
    try {
      const none = runCli(["report", s.path("net.yaml"), "-o", s.path("r.html")]);
      expect(none.code).toBe(0);
      const html = readFileSync(s.path("r.html"), "utf8");
      expect(html).toMatch(/huawei/);
      expect(html).toMatch(/<html/);
    } finally {
      s.cleanup();
    }
  });

  it("shows examples in --help", () => {
    const r = runCli(["report", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("cleanpath report examples/national-wholesale.yaml -o report.html");
  });
});
