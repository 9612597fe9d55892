import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { parseXml } from "../../src/import/xml.js";

function errorOf(text: string): string {
  try {
    parseXml("t.xml", text);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error("expected an error");
}

describe("xml reader", () => {
  it("reads elements, attributes in either quote, text, CDATA and comments", () => {
    const { root } = parseXml("t.xml", `<?xml version="1.0"?>\n<!-- c --><a x="1" y='2'><b>hi <![CDATA[<raw>]]></b><c/></a>`);
    expect(root.name).toBe("a");
    expect([...root.attrs]).toEqual([["x", "1"], ["y", "2"]]);
    expect(root.children.map((c) => c.name)).toEqual(["b", "c"]);
    expect(root.children[0]!.text).toBe("hi <raw>");
  });

  it("decodes the five predefined and numeric character references", () => {
    const { root } = parseXml("t.xml", `<a v="&lt;&gt;&amp;&quot;&apos;">&#233;&#x4E2D;</a>`);
    expect(root.attrs.get("v")).toBe(`<>&"'`);
    expect(root.text).toBe("é中");
  });

  it("keeps namespace prefixes in the name and strips them in local", () => {
    const { root } = parseXml("t.xml", `<g:graphml xmlns:g="x"><y:Shape/></g:graphml>`);
    expect(root.local).toBe("graphml");
    expect(root.children[0]!.local).toBe("Shape");
  });

  it.each([
    ["a DOCTYPE (no DTDs, no custom entities)", `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>`, /t\.xml:2:1 .*DOCTYPE/],
    ["an unknown entity", `<a>\n  &bogus;</a>`, /t\.xml:2:3 .*&bogus;/],
    ["an external-looking entity", `<a>&xxe;</a>`, /unknown or malformed entity/],
    ["a mismatched closing tag", `<a>\n<b></a>`, /t\.xml:2:4 .*`<\/a>` does not match `<b>`/],
    ["an unclosed element", `<a><b></b>`, /t\.xml:1:1 .*`<a>` is never closed/],
    ["a second root", `<a/><b/>`, /t\.xml:1:5 .*second root/],
    ["text outside the root", `<a/>x`, /text outside the root/],
    ["a duplicate attribute", `<a x="1" x="2"/>`, /attribute `x` appears twice/],
    ["an unquoted attribute", `<a x=1/>`, /expected a quoted value/],
    ["`<` inside an attribute", `<a x="<"/>`, /not allowed in the value/],
    ["an XML declaration that is not first", `<a/>\n<?xml version="1.0"?>`, /must come first/],
    ["an unterminated comment", `<a><!-- x</a>`, /unterminated comment/],
    ["an empty document", ``, /no root element/],
    ["a character reference to an illegal character", `<a>&#0;</a>`, /malformed entity/],
  ])("rejects %s, with its position", (_name, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it("handles deep nesting without recursion", () => {
    const depth = 100_000;
    const { root } = parseXml("t.xml", "<a>".repeat(depth) + "</a>".repeat(depth));
    let d = 1;
    for (let el = root; el.children.length > 0; el = el.children[0]!) d++;
    expect(d).toBe(depth);
  });
});
