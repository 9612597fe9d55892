import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, scratch } from "../helpers/cli.js";

/**
 * SPEC §9 and the research checklist: every bad input gets exit code 2, nothing on stdout,
 * and a message with the right code at the right file:line:column. Run through the built CLI
 * as a separate process, because an in-process test would miss a V8 abort.
 */
interface Case {
  name: string;
  file: string;
  content: string | Uint8Array;
  code: string;
  /** Expected `line:column`, or null when the problem has no position. */
  at: string | null;
  /** File the message points at, when not `file`. */
  in?: string;
  message?: RegExp;
  extra?: Record<string, string | Uint8Array>;
}

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
const billionLaughs = [
  "cleanpath: 1",
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
].join("\n");
const wideFanOut = ["cleanpath: 1", `a: &a [${Array(300).fill("1").join(",")}]`, `b: [${Array(999).fill("*a").join(",")}]`].join("\n");

const cases: Case[] = [
  { name: "not YAML (a plain sentence)", file: "t.yaml", content: "hello world\n", code: "E_ROOT_TYPE", at: "1:1" },
  { name: "root is a list", file: "t.yaml", content: "- a\n- b\n", code: "E_ROOT_TYPE", at: "1:1" },
  { name: "empty file", file: "t.yaml", content: "", code: "E_EMPTY", at: "1:1" },
  { name: "comments only", file: "t.yaml", content: "# nothing\n# here\n", code: "E_EMPTY", at: "1:1" },
  { name: "unclosed flow sequence", file: "t.yaml", content: "cleanpath: 1\nelements: [1, 2\n", code: "E_YAML_SYNTAX", at: "2:11", message: /unterminated/ },
  { name: "unclosed double quote", file: "t.yaml", content: 'cleanpath: 1\nname: "abc\n', code: "E_YAML_SYNTAX", at: "2:7", message: /unterminated/ },
  { name: "tab indentation", file: "t.yaml", content: "cleanpath: 1\nelements:\n\t- {id: a, role: core}\n", code: "E_YAML_TAB_AS_INDENT", at: "3:1" },
  { name: "bad indentation", file: "t.yaml", content: "cleanpath: 1\n  name: x\n", code: "E_YAML_BLOCK_AS_IMPLICIT_KEY", at: "1:12" },
  { name: "duplicate key", file: "t.yaml", content: "cleanpath: 1\nname: a\nname: b\n", code: "E_DUPLICATE_KEY", at: "3:1", message: /see .*t\.yaml:2:1/ },
  { name: "duplicate key 1 and \"1\"", file: "t.yaml", content: 'cleanpath: 1\nsites:\n  1: {}\n  "1": {}\n', code: "E_DUPLICATE_KEY", at: "4:3" },
  { name: "duplicate key in JSON", file: "t.json", content: '{"cleanpath": 1, "name": "a", "name": "b"}', code: "E_DUPLICATE_KEY", at: "1:31", message: /see .*t\.json:1:18/ },
  { name: "billion laughs", file: "t.yaml", content: billionLaughs, code: "E_ALIAS_LIMIT", at: "1:1" },
  { name: "wide alias fan-out", file: "t.yaml", content: wideFanOut, code: "E_TOO_MANY_NODES", at: "1:1" },
  { name: "recursive alias", file: "t.yaml", content: "cleanpath: 1\nname: &x [*x]\n", code: "E_RECURSIVE_ALIAS", at: "2:11" },
  { name: "unknown alias", file: "t.yaml", content: "cleanpath: 1\nname: *nope\n", code: "E_UNRESOLVED_ALIAS", at: "2:7" },
  { name: "two documents", file: "t.yaml", content: "cleanpath: 1\n---\ncleanpath: 1\n", code: "E_MULTI_DOC", at: "2:1" },
  { name: "%YAML 1.1 directive", file: "t.yaml", content: "%YAML 1.1\n---\ncleanpath: 1\non: yes\n", code: "E_DIRECTIVE", at: "1:1" },
  { name: "custom tag", file: "t.yaml", content: "cleanpath: 1\nname: !custom x\n", code: "E_YAML_TAG_RESOLVE_FAILED", at: "2:7" },
  { name: "!!set tag", file: "t.yaml", content: "cleanpath: 1\nname: !!set {a: null}\n", code: "E_YAML_TAG_RESOLVE_FAILED", at: "2:7" },
  { name: "!!binary tag", file: "t.yaml", content: "cleanpath: 1\nname: !!binary aGVsbG8=\n", code: "E_YAML_TAG_RESOLVE_FAILED", at: "2:7" },
  { name: "complex key", file: "t.yaml", content: "cleanpath: 1\n? [a, b]\n: c\n", code: "E_YAML_NON_STRING_KEY", at: "2:3" },
  { name: "deep flow nesting", file: "t.yaml", content: "[".repeat(5000) + "]".repeat(5000) + "\n", code: "E_TOO_DEEP", at: "1:65" },
  { name: "deep block nesting", file: "t.yaml", content: "a:\n" + Array.from({ length: 3000 }, (_, i) => " ".repeat(i) + "- \n").join(""), code: "E_TOO_DEEP", at: "65:64" },
  { name: "deep JSON nesting", file: "t.json", content: "[".repeat(5000) + "]".repeat(5000), code: "E_TOO_DEEP", at: "1:65" },
  { name: "UTF-16 with BOM", file: "t.yaml", content: bytes([0xff, 0xfe], Buffer.from("cleanpath: 1\n", "utf16le").toJSON().data), code: "E_ENCODING", at: "1:1", message: /UTF-16/ },
  { name: "UTF-16 without BOM", file: "t.yaml", content: Buffer.from("cleanpath: 1\nname: abcdefgh\n", "utf16le"), code: "E_ENCODING", at: "1:1", message: /UTF-16/ },
  { name: "UTF-32", file: "t.yaml", content: bytes([0xff, 0xfe, 0, 0, 0x63, 0, 0, 0]), code: "E_ENCODING", at: "1:1", message: /UTF-32/ },
  { name: "Latin-1 byte", file: "t.yaml", content: bytes("cleanpath: 1\nname: caf", [0xe9], "\n"), code: "E_ENCODING", at: "2:10", message: /0xE9/ },
  { name: "NUL character", file: "t.yaml", content: "cleanpath: 1\nname: a\u0000b\n", code: "E_CONTROL_CHAR", at: "2:8" },
  { name: "ESC character", file: "t.yaml", content: "cleanpath: 1\nname: a\u001b[31mb\n", code: "E_CONTROL_CHAR", at: "2:8" },
  { name: "DEL character", file: "t.json", content: '{"cleanpath": 1, "name": "a\u007fb"}', code: "E_CONTROL_CHAR", at: "1:28" },
  { name: "NUL in a JSON string", file: "t.json", content: '{"cleanpath": 1,\n "name": "a\u0000b"}', code: "E_CONTROL_CHAR", at: "2:12" },
  { name: "ESC between JSON tokens", file: "t.json", content: '{"cleanpath": 1, \u001b"name": "ab"}', code: "E_CONTROL_CHAR", at: "1:18" },
  { name: "bidi override", file: "t.yaml", content: 'cleanpath: 1\nname: "a\u202eb"\n', code: "E_CONTROL_CHAR", at: "2:9", message: /bidirectional/ },
  { name: "JSON syntax error", file: "t.json", content: '{"cleanpath": 1,\n "elements": [}\n', code: "E_JSON_SYNTAX", at: "2:15" },
  // The position scan lets a bad literal through and V8 names no position for it: the error locator finds it.
  { name: "JSON bad literal", file: "t.json", content: '{"cleanpath": 1,\n "name": tru}\n', code: "E_JSON_SYNTAX", at: "2:13", message: /Unexpected token '}'$/m },
  { name: "__proto__ as a site name", file: "t.yaml", content: "cleanpath: 1\nsites:\n  __proto__: {country: MX}\n", code: "E_SCHEMA_NAME", at: "3:3" },
  { name: "constructor as a site name", file: "t.json", content: '{"cleanpath": 1, "sites": {"constructor": {}}}', code: "E_SCHEMA_NAME", at: "1:28" },
  { name: "wrong format version", file: "t.yaml", content: "cleanpath: 2\n", code: "E_SCHEMA_VERSION", at: "1:12" },
  { name: "misspelt property, with a hint", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - {id: a, role: core, vender: Nokia}\n", code: "E_SCHEMA_UNKNOWN_PROPERTY", at: "3:25", message: /did you mean `vendor`/ },
  { name: "unknown role, with a hint", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - {id: a, role: cor}\n", code: "E_SCHEMA_VALUE", at: "3:19", message: /did you mean `core`/ },
  { name: "missing role", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - id: a\n", code: "E_SCHEMA_REQUIRED", at: "3:5", message: /missing `role`/ },
  { name: "negative metric", file: "t.yaml", content: "cleanpath: 1\nelements: [{id: a, role: core}, {id: b, role: core}]\nlinks:\n  - {a: a, b: b, metric: -5}\n", code: "E_SCHEMA_RANGE", at: "4:26" },
  { name: "non-numeric metric", file: "t.yaml", content: "cleanpath: 1\nelements: [{id: a, role: core}, {id: b, role: core}]\nlinks:\n  - [a, b, ten]\n", code: "E_SCHEMA_TYPE", at: "4:12" },
  { name: "infinite metric", file: "t.yaml", content: "cleanpath: 1\nelements: [{id: a, role: core}, {id: b, role: core}]\nlinks:\n  - {a: a, b: b, metric: .inf}\n", code: "E_SCHEMA_TYPE", at: "4:26" },
  { name: "fractional metric", file: "t.yaml", content: "cleanpath: 1\nelements: [{id: a, role: core}, {id: b, role: core}]\nlinks:\n  - {a: a, b: b, metric: 1.5}\n", code: "E_SCHEMA_TYPE", at: "4:26", message: /whole number/ },
  { name: "self-loop", file: "t.yaml", content: "cleanpath: 1\nelements: [{id: a, role: core}]\nlinks:\n  - [a, a]\n", code: "E_SELF_LOOP", at: "4:5" },
  { name: "link to an unknown element", file: "t.yaml", content: "cleanpath: 1\nelements: [{id: core-1, role: core}, {id: b, role: core}]\nlinks:\n  - {a: core-2, b: b}\n", code: "E_UNKNOWN_ELEMENT", at: "4:9", message: /did you mean `core-1`/ },
  { name: "element at an unknown site", file: "t.yaml", content: "cleanpath: 1\nsites:\n  mty-dc1: {}\nelements:\n  - {id: a, role: core, site: mty-dc2}\n", code: "E_UNKNOWN_SITE", at: "5:31", message: /did you mean `mty-dc1`/ },
  { name: "unknown operator", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - {id: a, role: core, operator: altan}\n", code: "E_UNKNOWN_OPERATOR", at: "3:35" },
  {
    name: "unknown operator inside a list",
    file: "t.yaml",
    content: "cleanpath: 1\noperators: {altan: {}, telmex: {}}\nelements:\n  - {id: a, role: ran, operator: [altan, telmx]}\n",
    code: "E_UNKNOWN_OPERATOR",
    at: "4:42",
    message: /operator `telmx` is not declared .*did you mean `telmex`/,
  },
  {
    name: "unknown operator inside a block list of a link",
    file: "t.yaml",
    content: "cleanpath: 1\noperators: {altan: {}}\nelements: [{id: a, role: core}, {id: b, role: core}]\nlinks:\n  - a: a\n    b: b\n    operator:\n      - altan\n      - consortium\n",
    code: "E_UNKNOWN_OPERATOR",
    at: "9:9",
    message: /operator `consortium`/,
  },
  {
    name: "unknown operator inside a list in JSON",
    file: "t.json",
    content: '{"cleanpath": 1, "operators": {"altan": {}}, "elements": [{"id": "a", "role": "ran", "operator": ["altan", "x"]}]}',
    code: "E_UNKNOWN_OPERATOR",
    at: "1:108",
  },
  { name: "operator listed twice", file: "t.yaml", content: "cleanpath: 1\noperators: {altan: {}}\nelements:\n  - {id: a, role: ran, operator: [altan, altan]}\n", code: "E_SCHEMA_VALUE", at: "4:42", message: /lists `altan` twice/ },
  { name: "empty operator list", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - {id: a, role: ran, operator: []}\n", code: "E_SCHEMA_VALUE", at: "3:34", message: /at least 1/ },
  { name: "invalid calendar date", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - {id: a, role: core, installed: 2021-02-30}\n", code: "E_DATE", at: "3:36" },
  { name: "date in the wrong form", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - {id: a, role: core, installed: 30/01/2021}\n", code: "E_SCHEMA_DATE", at: "3:36" },
  { name: "duplicate element id", file: "t.yaml", content: "cleanpath: 1\nelements:\n  - {id: a, role: core}\n  - {id: a, role: ran}\n", code: "E_DUPLICATE_ID", at: "4:5", message: /see .*:3:5/ },
  {
    name: "duplicate id across included files",
    file: "t.yaml",
    content: "cleanpath: 1\ninclude: [more.yaml]\nelements:\n  - {id: a, role: core}\n",
    extra: { "more.yaml": "cleanpath: 1\nelements:\n  - {id: a, role: ran}\n" },
    code: "E_DUPLICATE_ID",
    in: "more.yaml",
    at: "3:5",
    message: /see t\.yaml:4:5/,
  },
  { name: "include cycle", file: "t.yaml", content: "cleanpath: 1\ninclude: [b.yaml]\n", extra: { "b.yaml": "cleanpath: 1\ninclude: [t.yaml]\n" }, code: "E_INCLUDE_CYCLE", in: "b.yaml", at: "2:11", message: /t\.yaml → .*b\.yaml → .*t\.yaml/ },
  { name: "include escaping the folder", file: "sub/t.yaml", content: "cleanpath: 1\ninclude: [../outside.yaml]\n", extra: { "outside.yaml": "cleanpath: 1\n" }, code: "E_INCLUDE_ESCAPE", at: "2:11" },
  { name: "include by absolute path", file: "t.yaml", content: "cleanpath: 1\ninclude: [/etc/hostname]\n", code: "E_INCLUDE_ESCAPE", at: "2:11" },
  { name: "missing include", file: "t.yaml", content: "cleanpath: 1\ninclude: [nope.yaml]\n", code: "E_READ", at: "2:11", message: /no such file/ },
  { name: "flow naming an unknown element", file: "t.yaml", content: "cleanpath: 1\nelements: [{id: hq, role: datacenter}]\nflows:\n  - {id: f, from: hqq, to: hq}\n", code: "E_UNKNOWN_ELEMENT", at: "4:19", message: /did you mean `hq`/ },
];

describe("bad input through the CLI (exit 2, nothing on stdout, located message)", () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it.each(cases)("$name → $code", (c) => {
    const s = scratch({ [c.file]: c.content, ...(c.extra ?? {}) });
    cleanups.push(s.cleanup);
    const r = runCli(["validate", c.file], { cwd: s.dir });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const line = r.stderr.split("\n").find((l) => l.includes(`  ${c.code}  `));
    expect(line, r.stderr).toBeDefined();
    if (c.at) expect(line!.startsWith(`${c.in ?? c.file}:${c.at}  `), line).toBe(true);
    if (c.message) expect(line).toMatch(c.message);
  });

  it("survives two deeply nested files in one run and reports both", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000) + "\n";
    const s = scratch({ "a.yaml": deep, "b.yaml": deep, "c.json": deep });
    cleanups.push(s.cleanup);
    const r = runCli(["validate", "a.yaml", "b.yaml", "c.json"], { cwd: s.dir });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr.match(/E_TOO_DEEP/g)).toHaveLength(3);
  });

  it("reports a missing file without a position", () => {
    const r = runCli(["validate", "no/such/file.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/E_READ {2}no\/such\/file\.yaml: no such file/);
  });

  it("reports every schema error of a file, not only the first", () => {
    const s = scratch({
      "t.yaml": "cleanpath: 1\nelements:\n  - {id: a, role: cor}\n  - {id: b, role: core, vender: x}\n  - {id: c}\nlinks:\n  - [a, b, 0]\n",
    });
    cleanups.push(s.cleanup);
    const r = runCli(["validate", "t.yaml"], { cwd: s.dir });
    expect(r.code).toBe(2);
    const codes = r.stderr.split("\n").filter((l) => l.startsWith("t.yaml:")).map((l) => l.split("  ")[0]);
    expect(codes).toEqual(["t.yaml:3:19", "t.yaml:4:25", "t.yaml:5:5", "t.yaml:7:12"]);
  });

  it("refuses a file over --max-file-size before reading it", () => {
    const s = scratch({ "t.yaml": "cleanpath: 1\n# " + "x".repeat(5000) + "\n" });
    cleanups.push(s.cleanup);
    const r = runCli(["validate", "t.yaml", "--max-file-size", "0.001"], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/t\.yaml:1:1 {2}E_TOO_LARGE {2}t\.yaml is 0\.0 MB; the limit is 0\.0 MB/);
  });

  it("refuses a topology too large for the memory Node.js has, with a clear message", () => {
    // 8 MB of elements against a 48 MB heap: refused up front instead of crashing mid-parse.
    const body = Array.from({ length: 300_000 }, (_, i) => `  - {id: e${i}, role: ran}`).join("\n");
    const s = scratch({ "t.yaml": `cleanpath: 1\nelements:\n${body}\n` });
    cleanups.push(s.cleanup);
    const r = runCli(["validate", "t.yaml"], { cwd: s.dir, nodeArgs: ["--max-old-space-size=48"] });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_TOO_LARGE {2}t\.yaml: the topology needs about \d+ MB of memory to load but Node\.js allows \d+ MB; run with NODE_OPTIONS=--max-old-space-size=\d+/);
  });

  it("rejects a bad flag value with exit 2 and writes nothing", () => {
    const r = runCli(["validate", "examples", "--max-file-size", "lots"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--max-file-size takes a size in MB/);
  });
});

describe("folders", () => {
  it("take the cleanpath files directly in them and skip other YAML with a warning", () => {
    const s = scratch({
      "topo/a.yaml": "cleanpath: 1\nelements: [{id: a, role: core}]\n",
      "topo/ci.yml": "on: push\njobs: {}\n",
      "topo/sub/b.yaml": "cleanpath: 1\nelements: [{id: b, role: cor}]\n",
    });
    try {
      const r = runCli(["validate", "topo"], { cwd: s.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("valid  topo/a.yaml  1 element, 0 links\n");
      expect(r.stderr).toMatch(/W_SKIPPED {2}topo\/ci\.yml is not a cleanpath file/);
      const named = runCli(["validate", "topo/ci.yml"], { cwd: s.dir });
      expect(named.code).toBe(2);
      expect(named.stderr).toMatch(/topo\/ci\.yml:1:1 {2}E_SCHEMA_REQUIRED/);
    } finally {
      s.cleanup();
    }
  });
});

describe("bad input to the audit commands (exit 2, nothing on stdout, no file written)", () => {
  const topo = "cleanpath: 1\nelements:\n  - {id: embassy, role: endpoint, vendor: Cisco}\n  - {id: hq, role: datacenter, vendor: Cisco}\n  - {id: old, role: core, vendor: Nokia, state: out-of-service}\nlinks:\n  - [embassy, hq]\n";
  const cases: { name: string; args: string[]; files?: Record<string, string>; code: string; at?: string; message: RegExp }[] = [
    { name: "unknown profile", args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--policy", "uk-dvd-2023"], code: "E_UNKNOWN_PROFILE", message: /did you mean `uk-dvd-2022`/ },
    {
      name: "unknown profile in extends",
      args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--policy", "p.yaml"],
      files: { "p.yaml": "cleanpath: 1\nkind: policy\nextends: [eu-5g-tolbox]\n" },
      code: "E_UNKNOWN_PROFILE",
      at: "p.yaml:3:11",
      message: /did you mean `eu-5g-toolbox`/,
    },
    {
      name: "unknown list",
      args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--policy", "p.yaml"],
      files: { "p.yaml": "cleanpath: 1\nkind: policy\nrisk: {lists: [fcc-coverd-list]}\n" },
      code: "E_UNKNOWN_LIST",
      at: "p.yaml:3:16",
      message: /did you mean `fcc-covered-list`/,
    },
    { name: "--from naming no element", args: ["audit", "path", "t.yaml", "--from", "embasy", "--to", "hq"], code: "E_UNKNOWN_ELEMENT", message: /--from `embasy` is not an element — did you mean `embassy`/ },
    { name: "--to selector matching nothing", args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "role=datacentre"], code: "E_EMPTY_SELECTOR", message: /did you mean `datacenter`/ },
    { name: "--from naming an out-of-service element", args: ["audit", "path", "t.yaml", "--from", "old", "--to", "hq"], code: "E_NOT_IN_SERVICE", message: /`old` is out-of-service/ },
    { name: "selector expansion past --max-pairs", args: ["audit", "path", "t.yaml", "--from", "role=endpoint,role=datacenter", "--to", "role=endpoint,role=datacenter", "--max-pairs", "1"], code: "E_TOO_MANY_PAIRS", message: /expands to 2 pairs \(2 × 2\); the limit is 1/ },
    { name: "unknown selector key", args: ["audit", "path", "t.yaml", "--from", "rol=ran", "--to", "hq"], code: "E_USAGE", message: /unknown selector key `rol` — did you mean `role`/ },
    { name: "unknown --risk-vendor", args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--risk-vendor", "Huawai"], code: "E_UNKNOWN_VENDOR", message: /did you mean `Huawei`/ },
    { name: "bad --fail-on", args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--fail-on", "dirtyish"], code: "E_USAGE", message: /--fail-on takes a verdict/ },
    { name: "bad --as-of", args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--as-of", "2026-02-30"], code: "E_USAGE", message: /--as-of takes a date/ },
    { name: "two formats on stdout", args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--format", "table", "--format", "json"], code: "E_USAGE", message: /only one format can go to stdout/ },
    { name: "unknown format", args: ["audit", "path", "t.yaml", "--from", "embassy", "--to", "hq", "--format", "jsn"], code: "E_USAGE", message: /unknown format `jsn` — did you mean `json`/ },
    { name: "nothing to audit", args: ["audit", "t.yaml"], code: "E_NOTHING_TO_AUDIT", message: /declare no flows/ },
  ];

  it.each(cases)("$name → $code", (c) => {
    const s = scratch({ "t.yaml": topo, ...(c.files ?? {}) });
    try {
      // An output file, to check that nothing is written (`-o` cannot go with two stdout formats).
      const twoFormats = c.args.filter((x) => x === "--format").length > 1;
      const r = runCli(twoFormats ? c.args : [...c.args, "-o", "out.json"], { cwd: s.dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const line = r.stderr.split("\n").find((l) => l.includes(`  ${c.code}  `));
      expect(line, r.stderr).toBeDefined();
      expect(line).toMatch(c.message);
      if (c.at) expect(line!.startsWith(`${c.at}  `), line).toBe(true);
      expect(existsSync(s.path("out.json"))).toBe(false);
    } finally {
      s.cleanup();
    }
  });
});
