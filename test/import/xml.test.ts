import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { parseXml, type XmlElement } from "../../src/import/xml.js";

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
    ["a closing tag without an opening tag", `</a>`, /t\.xml:1:1 .*`<\/a>` without an opening tag/],
    ["a bare `&` (which saxes reads up to the end as an entity name)", `<a>\nAT&T</a>`, /t\.xml:2:3 .*a bare `&`/],
    ["a bare `&` in an attribute", `<a x="A & B"/>`, /t\.xml:1:9 .*a bare `&`/],
    ["an unterminated tag", `<a>\n  <b x="1`, /t\.xml:2:3 .*unterminated tag `<b`/],
    ["an unterminated CDATA section", `<a>x<![CDATA[ y`, /t\.xml:1:5 .*unterminated CDATA section/],
    ["an unterminated comment after text", `<a>\nhello <!-- x`, /t\.xml:2:7 .*unterminated comment/],
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

  it("gives back any tree it is given, each element at its `<`, on random documents", () => {
    interface Tree { name: string; attrs: [string, string][]; text: string; children: Tree[] }
    const name = fc.constantFrom("a", "node", "y:Shape", "data", "g_1", "é");
    const value = fc.string({ unit: fc.constantFrom("x", " ", "<", ">", "&", '"', "'", "é", "😀", "\n"), maxLength: 6 });
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.record({
        name,
        attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("id", "key", "for", "attr.name", "x:y"), value), { selector: ([k]) => k, maxLength: 3 }),
        text: value,
        children: fc.oneof({ depthIdentifier: "xml", maxDepth: 4 }, fc.constant([] as Tree[]), fc.array(tie("tree"), { maxLength: 3 })),
      }),
    })).tree;
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const write = (t: Tree, out: { text: string; offsets: number[] }): void => {
      out.offsets.push(out.text.length);
      out.text += `<${t.name}${t.attrs.map(([k, v]) => ` ${k}="${escape(v).replace(/\n/g, "&#10;")}"`).join("")}>`;
      // Text first, then the children, so that an element's own text is one piece.
      out.text += t.text.includes("]]>") || t.text === "" ? escape(t.text) : `<![CDATA[${t.text}]]>`;
      for (const c of t.children) write(c, out);
      out.text += `</${t.name}>`;
    };
    fc.assert(
      fc.property(tree, fc.boolean(), (t, decl) => {
        const out = { text: decl ? '<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment -->\n' : "", offsets: [] as number[] };
        write(t, out);
        const { root } = parseXml("t.xml", out.text);
        const offsets: number[] = [];
        const same = (el: XmlElement, want: Tree): void => {
          offsets.push(el.offset);
          expect(el.name).toBe(want.name);
          expect(el.local).toBe(want.name.split(":").pop());
          expect([...el.attrs]).toEqual(want.attrs);
          expect(el.text).toBe(want.text);
          expect(el.children).toHaveLength(want.children.length);
          el.children.forEach((c, i) => same(c, want.children[i]!));
        };
        same(root, t);
        expect(offsets).toEqual(out.offsets);
      }),
    );
  });
});
