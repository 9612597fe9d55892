import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { arenaUse, float64Array, int32Array, region, releaseArena, reserveArena, uint8Array } from "../src/arena.js";
import { audit, loadPolicy, loadTopology, render } from "../src/index.js";
import { childPos, PackedPositions, type PosNode } from "../src/load/positions.js";
import { scratch } from "./helpers/cli.js";

afterEach(() => releaseArena());

describe("the typed-array arena", () => {
  it("is off by default: arrays are ordinary, each with its own buffer", () => {
    const a = int32Array(1 << 20);
    expect(a.buffer.byteLength).toBe(4 << 20);
    expect(arenaUse()).toEqual({ used: 0, reserved: 0 });
  });

  it("cuts large arrays from one buffer, zeroed, aligned and apart", () => {
    reserveArena(64 << 20);
    const a = int32Array(100_001);
    const b = float64Array(70_000);
    const c = uint8Array(1 << 19);
    expect(a.buffer).toBe(b.buffer);
    expect(b.buffer).toBe(c.buffer);
    for (const x of [a, b, c]) expect(x.byteOffset % 64).toBe(0);
    // Writing one leaves the others as they were: no two overlap.
    a.fill(-1);
    b.fill(2.5);
    c.fill(7);
    expect(a.every((v) => v === -1)).toBe(true);
    expect(b.every((v) => v === 2.5)).toBe(true);
    expect(c.every((v) => v === 7)).toBe(true);
    expect(a.byteOffset + a.byteLength).toBeLessThanOrEqual(b.byteOffset);
    expect(b.byteOffset + b.byteLength).toBeLessThanOrEqual(c.byteOffset);
    expect(arenaUse().used).toBeGreaterThanOrEqual(a.byteLength + b.byteLength + c.byteLength);
    // A fresh cut is zeroed.
    expect(int32Array(100_000).every((v) => v === 0)).toBe(true);
  });

  it("leaves small arrays to the heap, and falls back when it is full", () => {
    reserveArena(1 << 20);
    const small = int32Array(100);
    expect(small.buffer.byteLength).toBe(400);
    const first = uint8Array(900_000);
    expect(first.buffer.byteLength).toBe(1 << 20);
    const second = uint8Array(900_000);
    expect(second.buffer).not.toBe(first.buffer);
    expect(second.length).toBe(900_000);
    const r = region(1 << 20);
    expect(r.offset).toBe(0);
    expect(r.buffer.byteLength).toBe(1 << 20);
  });
});

describe("packed positions", () => {
  it.each([false, true])("keep every position past the first chunk (arena %s)", (arena) => {
    if (arena) reserveArena(16 << 20);
    const p = new PackedPositions();
    const n = 200_003;
    for (let i = 0; i < n; i++) p.push(i + 1, (i % 97) + 1);
    expect(p.length).toBe(n);
    for (const i of [0, 1023, 1024, 65_535, 65_536, 65_537, 131_072, n - 1]) {
      expect([p.line(i), p.column(i)]).toEqual([i + 1, (i % 97) + 1]);
    }
    const node: PosNode = { file: "t.json", line: 1, column: 1, children: p };
    expect(childPos(node, 150_000)).toEqual({ file: "t.json", line: 150_001, column: (150_000 % 97) + 1 });
    expect(childPos(node, n)).toBeUndefined();
  });
});

describe("an audit with the arena", () => {
  it("gives the same bytes as one without, on a network large enough to use it", () => {
    // 70,000 elements: the columns, the id table, the graph and the search state are cut from the arena.
    const n = 70_000;
    const elements: string[] = [];
    const links: string[] = [];
    for (let i = 0; i < n; i++) {
      const role = i === 0 ? "endpoint" : i === n - 1 ? "datacenter" : "aggregation";
      elements.push(`{"id":"e${i}","role":"${role}","vendor":"${i % 1000 === 7 ? "huawei" : "nokia"}"}`);
      if (i > 0) links.push(`["e${i - 1}","e${i}"]`);
      if (i > 1 && i % 3 === 0) links.push(`["e${i - 2}","e${i}",3]`);
    }
    const s = scratch({ "t.json": "" });
    try {
      writeFileSync(s.path("t.json"), `{"cleanpath":1,"elements":[${elements.join(",\n")}],"links":[${links.join(",\n")}],"flows":[{"id":"f","from":"e0","to":"e${n - 1}"}]}`);
      const now = new Date("2026-01-01T00:00:00Z");
      const run = (): string => {
        const loaded = loadTopology(s.path("t.json"));
        return render(audit(loaded, loadPolicy(loaded), { now, asOf: "2026-01-01" }), "json");
      };
      const plain = run();
      reserveArena(256 << 20);
      const cut = run();
      expect(arenaUse().used).toBeGreaterThan(4 * n);
      expect(cut).toBe(plain);
      expect(JSON.parse(cut).pairs[0].verdict).toBe("dirty");
    } finally {
      s.cleanup();
    }
  });
});
