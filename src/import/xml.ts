// A small, strict XML reader for the subset GraphML needs: elements, attributes, text, CDATA,
// comments and processing instructions. No DTDs (a DOCTYPE is rejected, which also rules out
// external and billion-laughs entities), only the five predefined and numeric character
// references. Iterative, so deep nesting cannot overflow the stack. Errors carry file:line:col.
import { InputError, type SourceLocation } from "../diagnostics.js";
import { lineLocator } from "../load/index.js";

export interface XmlElement {
  /** Qualified name as written (`node`, `y:ShapeNode`). */
  name: string;
  /** Name without its namespace prefix. */
  local: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
  /** Offset of the `<` that opens the element. */
  offset: number;
}

export interface XmlDocument {
  root: XmlElement;
  /** 1-based line and column of a text offset. */
  locate: (offset: number) => SourceLocation;
}

const predefined: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const nameRe = /[A-Za-z_:\u00c0-\uffff][\w.:\u00b7\u00c0-\uffff-]*/y;
const spaceRe = /[ \t\r\n]*/y;

/** Parses `text` as XML; throws InputError (E_XML) with the position of the first problem. */
export function parseXml(file: string, text: string): XmlDocument {
  const locate = lineLocator(file, text);
  const fail: (offset: number, message: string) => never = (offset, message) => {
    throw new InputError([{ code: "E_XML", severity: "error", message, location: locate(offset) }]);
  };

  const decode = (raw: string, at: number): string => {
    if (!raw.includes("&")) return raw;
    let out = "";
    let from = 0;
    for (let amp = raw.indexOf("&"); amp !== -1; amp = raw.indexOf("&", from)) {
      const semi = raw.indexOf(";", amp);
      const ref = semi === -1 ? "" : raw.slice(amp + 1, semi);
      let ch = Object.hasOwn(predefined, ref) ? predefined[ref] : undefined;
      if (ch === undefined && /^#[0-9]{1,7}$|^#x[0-9a-fA-F]{1,6}$/.test(ref)) {
        const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        const legal = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
        if (legal) ch = String.fromCodePoint(code);
      }
      if (ch === undefined) {
        fail(at + amp, `unknown or malformed entity reference \`${raw.slice(amp, semi === -1 ? amp + 10 : semi + 1)}\` (only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed)`);
      }
      out += raw.slice(from, amp) + ch;
      from = semi + 1;
    }
    return out + raw.slice(from);
  };

  const readName = (at: number): string => {
    nameRe.lastIndex = at;
    const m = nameRe.exec(text);
    if (!m) fail(at, "expected a name");
    return m![0];
  };
  const skipSpace = (at: number): number => {
    spaceRe.lastIndex = at;
    spaceRe.exec(text);
    return spaceRe.lastIndex;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const len = text.length;
  while (pos < len) {
    const lt = text.indexOf("<", pos);
    const end = lt === -1 ? len : lt;
    if (end > pos) {
      const top = stack[stack.length - 1];
      const chunk = text.slice(pos, end);
      if (top) top.text += decode(chunk, pos);
      else if (!/^[ \t\r\n]*$/.test(chunk)) fail(pos + chunk.search(/[^ \t\r\n]/), "text outside the root element");
    }
    if (lt === -1) break;
    if (text.startsWith("<?", lt)) {
      const close = text.indexOf("?>", lt + 2);
      if (close === -1) fail(lt, "unterminated processing instruction");
      if (/^<\?xml[ \t\r\n?]/i.test(text.slice(lt, lt + 6)) && lt > (text.charCodeAt(0) === 0xfeff ? 1 : 0)) fail(lt, "the XML declaration must come first");
      pos = close + 2;
    } else if (text.startsWith("<!--", lt)) {
      const close = text.indexOf("-->", lt + 4);
      if (close === -1) fail(lt, "unterminated comment");
      pos = close + 3;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const close = text.indexOf("]]>", lt + 9);
      if (close === -1) fail(lt, "unterminated CDATA section");
      const top = stack[stack.length - 1];
      if (!top) fail(lt, "CDATA outside the root element");
      top!.text += text.slice(lt + 9, close);
      pos = close + 3;
    } else if (text.startsWith("<!DOCTYPE", lt)) {
      fail(lt, "DOCTYPE declarations are not allowed (no DTDs or custom entities)");
    } else if (text.startsWith("<!", lt)) {
      fail(lt, "unexpected markup declaration");
    } else if (text.startsWith("</", lt)) {
      const name = readName(lt + 2);
      const after = skipSpace(lt + 2 + name.length);
      if (text[after] !== ">") fail(after, `expected \`>\` to close \`</${name}\``);
      const open = stack.pop();
      if (!open) fail(lt, `closing tag \`</${name}>\` without an opening tag`);
      if (open!.name !== name) fail(lt, `closing tag \`</${name}>\` does not match \`<${open!.name}>\` opened at line ${locate(open!.offset).line}`);
      pos = after + 1;
    } else {
      const name = readName(lt + 1);
      const colon = name.indexOf(":");
      const el: XmlElement = { name, local: colon === -1 ? name : name.slice(colon + 1), attrs: new Map(), children: [], text: "", offset: lt };
      let at = lt + 1 + name.length;
      let selfClosing = false;
      for (;;) {
        const next = skipSpace(at);
        const ch = text[next];
        if (ch === ">") { at = next + 1; break; }
        if (ch === "/" && text[next + 1] === ">") { at = next + 2; selfClosing = true; break; }
        if (ch === undefined) fail(lt, `unterminated tag \`<${name}\``);
        if (next === at) fail(next, `expected whitespace, \`>\` or \`/>\` in \`<${name}\``);
        const attr = readName(next);
        const eq = skipSpace(next + attr.length);
        if (text[eq] !== "=") fail(eq, `expected \`=\` after attribute \`${attr}\``);
        const q = skipSpace(eq + 1);
        const quote = text[q];
        if (quote !== '"' && quote !== "'") fail(q, `expected a quoted value for attribute \`${attr}\``);
        const close = text.indexOf(quote!, q + 1);
        if (close === -1) fail(q, `unterminated value of attribute \`${attr}\``);
        const raw = text.slice(q + 1, close);
        const bad = raw.indexOf("<");
        if (bad !== -1) fail(q + 1 + bad, `\`<\` is not allowed in the value of attribute \`${attr}\``);
        if (el.attrs.has(attr)) fail(next, `attribute \`${attr}\` appears twice`);
        el.attrs.set(attr, decode(raw, q + 1));
        at = close + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) fail(lt, "a second root element");
      else root = el;
      if (!selfClosing) stack.push(el);
      pos = at;
    }
  }
  if (stack.length > 0) fail(stack[stack.length - 1]!.offset, `\`<${stack[stack.length - 1]!.name}>\` is never closed`);
  if (!root) fail(0, "no root element");
  return { root: root!, locate };
}
