import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { checkImported } from "../../src/import/check.js";
import { type CsvCell, parseCsv } from "../../src/import/csv-table.js";
import { importCsv } from "../../src/import/csv.js";

const dir = join(import.meta.dirname, "fixtures", "csv");
const fixture = (name: string) => ({ file: name, text: readFileSync(join(dir, name), "utf8") });

function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics.map((d) => `${d.location ? `${d.location.file}:${d.location.line}:${d.location.column} ` : ""}${d.message}`);
  }
  throw new Error("expected an InputError");
}

describe("csv reader", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM", () => {
    const t = parseCsv("x.csv", '\ufeffid,name\r\nr1,"a, ""b"""\r\n\r\nr2,"multi\nline"\n');
    expect(t.header.map((c) => c.value)).toEqual(["id", "name"]);
    expect(t.rows.map((r) => r.map((c) => c.value))).toEqual([["r1", 'a, "b"'], ["r2", "multi\nline"]]);
    expect(t.rows[1]![0]).toMatchObject({ line: 4, column: 1 });
  });

  it("takes `;` or tab as the separator when the header uses it", () => {
    expect(parseCsv("x.csv", "a;b\n1;2").rows[0]!.map((c) => c.value)).toEqual(["1", "2"]);
    expect(parseCsv("x.csv", "a\tb\n1\t2").rows[0]!.map((c) => c.value)).toEqual(["1", "2"]);
  });

  it("rejects stray and unterminated quotes with their positions", () => {
    expect(messages(() => parseCsv("x.csv", 'a,b\n1,x"y\n"q"z,2\n"open'))).toEqual([
      'x.csv:2:4 a `"` inside an unquoted field (quote the whole field and double the quote)',
      "x.csv:3:4 unexpected text after a closing quote",
      "x.csv:4:1 unterminated quoted field",
    ]);
  });
});

// csv-parse reads the values; the positions are ours (from where csv-parse says each field ended),
// so they are checked against files written here with known positions: any separator, quoting,
// line ends, BOM, blank lines, non-ASCII text and line breaks inside quoted fields.
describe("csv reader positions, on random tables", () => {
  interface Table {
    sep: string;
    header: string[];
    rows: string[][];
    quote: boolean[];
    crlf: boolean;
    bom: boolean;
    blankAfter: number;
  }
  interface Stray {
    row: number;
    cell: number;
    at: number;
  }
  const piece = fc.constantFrom("a", "b", "7", " ", "é", "中", "😀", ",", ";", "\t", '"', "\n", "\r", "\r\n");
  const value = fc.array(piece, { maxLength: 5 }).map((p) => p.join(""));
  const table: fc.Arbitrary<Table> = fc.record({
    sep: fc.constantFrom(",", ";", "\t"),
    header: fc.array(value, { minLength: 2, maxLength: 4 }),
    rows: fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
    quote: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    blankAfter: fc.integer({ min: -1, max: 5 }),
  });
  const special = /[",;\t\r\n]/;

  /**
   * The table as CSV text, and where each cell starts as an editor counts (1-based line, column
   * in UTF-16 units). Cells that need quotes get them, others at random; a `stray` cell is written
   * unquoted with a `"` inserted at `at`, and its position is returned as `strayAt`.
   */
  function write(t: Table, stray?: Stray) {
    const nl = t.crlf ? "\r\n" : "\n";
    let text = t.bom ? "\ufeff" : "";
    let line = 1;
    let lineStart = text.length;
    let strayAt = "";
    const cells: CsvCell[][] = [];
    let q = 0;
    [t.header, ...t.rows].forEach((row, r) => {
      const out: CsvCell[] = [];
      row.forEach((v, i) => {
        if (i > 0) text += t.sep;
        out.push({ value: v, line, column: text.length - lineStart + 1 });
        let written = special.test(v) || t.quote[q++ % 30]! ? `"${v.replace(/"/g, '""')}"` : v;
        if (stray && stray.row === r - 1 && stray.cell === i) {
          written = v.slice(0, stray.at) + '"' + v.slice(stray.at);
          strayAt = `${line}:${text.length - lineStart + 1 + stray.at}`;
        }
        for (let k = written.indexOf("\n"); k !== -1; k = written.indexOf("\n", k + 1)) {
          line++;
          lineStart = text.length + k + 1;
        }
        text += written;
      });
      text += nl;
      line++;
      lineStart = text.length;
      cells.push(out);
      if (r === t.blankAfter) {
        text += nl;
        line++;
        lineStart = text.length;
      }
    });
    // A row that is one empty cell is a blank line: the reader drops it.
    return { text, strayAt, cells: cells.filter((row, i) => i === 0 || !(row.length === 1 && row[0]!.value === "")) };
  }

  it("finds every value, and the line and column where its cell starts", () => {
    fc.assert(
      fc.property(table, (t) => {
        const { text, cells } = write(t);
        const got = parseCsv("x.csv", text);
        expect([got.header, ...got.rows]).toEqual(cells);
      }),
      { numRuns: 500 },
    );
  });

  it("points at a stray quote in an unquoted cell", () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.nat(), (t, pick, at) => {
        const plain = t.rows.flatMap((row, r) => row.map((v, i) => ({ row: r, cell: i, v }))).filter(({ v }) => v !== "" && !special.test(v));
        fc.pre(plain.length > 0);
        const target = plain[pick % plain.length]!;
        const stray = { row: target.row, cell: target.cell, at: 1 + (at % target.v.length) };
        const { text, strayAt } = write(t, stray);
        let where = "no error";
        try {
          parseCsv("x.csv", text);
        } catch (err) {
          const d = (err as InputError).diagnostics[0]!;
          where = `${d.location!.line}:${d.location!.column}`;
          expect(d.message).toMatch(/inside an unquoted field/);
        }
        expect(where).toBe(strayAt);
      }),
      { numRuns: 300 },
    );
  });
});

describe("csv importer", () => {
  const result = importCsv([fixture("elements.csv"), fixture("links.csv"), fixture("sites.csv")]);

  it("imports elements, links and sites with typed fields, and passes the checks", () => {
    const { document } = result;
    expect(checkImported(document)).toEqual([]);
    expect(document.sites).toEqual({
      "mty-dc1": { name: "Monterrey DC 1", country: "MX", lat: 25.67, lon: -100.31, tags: ["border-zone"] },
      cdmx: { name: "Ciudad de México", country: "MX", lat: 19.43, lon: -99.13 },
    });
    expect(document.operators).toEqual({ "altan-redes": { name: "Altán Redes" } });
    expect(document.elements[0]).toEqual({
      id: "mty-core-1", role: "core", vendor: "Nokia", operator: "altan-redes", site: "mty-dc1",
      components: [{ vendor: "HiSilicon", part: "SoC" }], installed: "2019-05-01", tags: ["gov", "border"], meta: { rack: "R12" },
    });
    expect(document.elements[1]).toMatchObject({ passive: false });
    expect(document.elements[2]).toEqual({ id: "mast-7", name: "mast 7", role: "ran", site: "cdmx", passive: true });
    expect(document.links).toEqual([
      { a: "mty-core-1", b: "cdmx-core-1", metric: 10, medium: "fiber" },
      { a: "cdmx-core-1", b: "mast-7", metric: 20, medium: "microwave", vendor: "Huawei" },
    ]);
  });

  it("reports the self-loop, the slugified id and the extra column", () => {
    expect(result.skipped.map((s) => `${s.what} @${s.location?.line}`)).toEqual([
      "column rack of elements.csv @1",
      "id `mast 7` @4",
      "link mast 7–mast 7 @4",
    ]);
  });

  it("creates sites from the values when there is no sites file", () => {
    const { document } = importCsv([{ file: "elements.csv", text: "id,role,site\nr1,core,Mexico City\nr2,edge,Mexico City\n" }]);
    expect(document.sites).toEqual({ "mexico-city": { name: "Mexico City" } });
    expect(document.elements.map((e) => e.site)).toEqual(["mexico-city", "mexico-city"]);
  });

  it("collects every bad value with its position and a hint", () => {
    const elements = "id,role,installed,passive,site\nr1,cor,2019-02-30,maybe,nowhere\nr1,core,,,\n";
    const links = "a,b,metric\nr1,r9,0\n";
    const sites = "id,lat\nhq,91\n";
    expect(messages(() => importCsv([{ file: "elements.csv", text: elements }, { file: "links.csv", text: links }, { file: "sites.csv", text: sites }]))).toEqual([
      "elements.csv:2:4 role: `cor` is not one of core, ran, access, aggregation, transport, backbone, edge, management, datacenter, cloud, landing-station, cable, ixp, endpoint, service, other (did you mean `core`?)",
      "elements.csv:2:8 installed: `2019-02-30` is not a date (YYYY-MM-DD)",
      "elements.csv:2:19 passive: `maybe` is not true or false",
      "elements.csv:2:25 site `nowhere` is not in the sites file",
      "elements.csv:3:1 element `r1` is listed twice",
      "links.csv:2:4 b: `r9` is not an element (did you mean `r1`?)",
      "links.csv:2:7 metric: `0` is not a whole number from 1 to 10^9",
      "sites.csv:2:4 lat: `91` is not a latitude (−90 to 90)",
    ]);
  });

  it("needs an elements file with id and role columns", () => {
    expect(messages(() => importCsv([{ file: "links.csv", text: "a,b\nx,y\n" }]))).toEqual([expect.stringMatching(/needs an elements file/)]);
    expect(messages(() => importCsv([{ file: "elements.csv", text: "id,vendor\nx,Nokia\n" }]))).toEqual(["elements.csv:1:1 elements need a `role` column"]);
  });
});
