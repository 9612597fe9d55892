import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { checkImported } from "../../src/import/check.js";
import { parseCsv } from "../../src/import/csv-parse.js";
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
