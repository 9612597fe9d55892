// XML for the GraphML importer, read by saxes: a maintained, strict, non-validating parser that
// never reads a DTD (so no external or billion-laughs entities) and keeps no stack of its own
// calls (so deep nesting is safe). This file builds the small tree GraphML needs, with the offset
// of each element for located messages, and says what went wrong in the reader's own terms.
import { SaxesParser } from "saxes";
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

/** A problem as saxes reports it: its message, and the offset it had read up to. */
interface SaxProblem {
  message: string;
  at: number;
}

type Fail = (offset: number, message: string) => never;

/** The tree, built from saxes's events, and where the last complete piece of XML ended. */
class TreeBuilder {
  readonly stack: XmlElement[] = [];
  root: XmlElement | undefined;
  lastClosed: XmlElement | undefined;
  /** Input that stops early stops inside whatever starts here. */
  settled = 0;
  private pending: XmlElement | undefined;

  constructor(
    private readonly parser: SaxesParser,
    private readonly text: string,
    fail: Fail,
  ) {
    parser.on("opentagstart", (tag) => {
      const colon = tag.name.indexOf(":");
      // saxes is one character past the name: the `<` is the last one before it.
      const offset = text.lastIndexOf("<", parser.position - 1);
      this.pending = { name: tag.name, local: colon === -1 ? tag.name : tag.name.slice(colon + 1), attrs: new Map(), children: [], text: "", offset };
    });
    parser.on("opentag", (tag) => this.open(tag.attributes));
    parser.on("closetag", () => {
      this.lastClosed = this.stack.pop();
      this.settled = parser.position;
    });
    parser.on("text", (t) => {
      this.append(t);
      // saxes reports text once it has read the `<` after it.
      this.settled = parser.position - 1;
    });
    parser.on("cdata", (t) => {
      this.append(t);
      this.settled = parser.position;
    });
    for (const event of ["comment", "processinginstruction", "xmldecl"] as const) parser.on(event, () => void (this.settled = parser.position));
    parser.on("doctype", () => fail(text.lastIndexOf("<!DOCTYPE", parser.position), "DOCTYPE declarations are not allowed (no DTDs or custom entities)"));
  }

  private open(attributes: Record<string, string>): void {
    const el = this.pending!;
    for (const [k, v] of Object.entries(attributes)) el.attrs.set(k, v);
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(el);
    else this.root ??= el;
    this.stack.push(el);
    this.settled = this.parser.position;
  }

  private append(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.text += t;
  }
}

/** Parses `text` as XML; throws InputError (E_XML) with the position of the first problem. */
export function parseXml(file: string, text: string): XmlDocument {
  const locate = lineLocator(file, text);
  const fail: Fail = (offset, message) => {
    throw new InputError([{ code: "E_XML", severity: "error", message, location: locate(Math.max(0, Math.min(offset, text.length))) }]);
  };
  const parser = new SaxesParser({ position: true });
  const tree = new TreeBuilder(parser, text, fail);
  let ending = false;
  let stoppedAt = 0;
  const atEnd: SaxProblem[] = [];
  parser.on("error", (err) => {
    const problem = { message: err.message.replace(/^\d+:\d+: /, ""), at: parser.position };
    if (!ending) explain(problem, text, tree, fail, locate);
    // At the end saxes reports each unclosed element, then that the input stopped inside markup,
    // then flushes the text it holds: keep where the input stopped, and every report.
    if (atEnd.length === 0) stoppedAt = tree.settled;
    atEnd.push(problem);
  });
  parser.write(text);
  ending = true;
  parser.close();
  if (atEnd.length > 0) {
    const first = atEnd[0]!;
    if (first.message.startsWith("document must contain a root element")) fail(0, "no root element");
    if (atEnd.some((p) => p.message === "unexpected end.")) unfinished(text, stoppedAt, fail);
    const open = tree.stack[tree.stack.length - 1];
    if (first.message.startsWith("unclosed tag") && open) fail(open.offset, `\`<${open.name}>\` is never closed`);
    explain(first, text, tree, fail, locate);
  }
  if (!tree.root) fail(0, "no root element");
  return { root: tree.root!, locate };
}

/** Throws the located message for a problem saxes found before the end of the input. */
function explain({ message, at }: SaxProblem, text: string, tree: TreeBuilder, fail: Fail, locate: (offset: number) => SourceLocation): never {
  if (/entit/.test(message)) {
    const amp = text.lastIndexOf("&", at - 1);
    const semi = text.indexOf(";", amp);
    const ref = text.slice(amp, semi === -1 || semi - amp > 16 ? amp + 10 : semi + 1);
    fail(amp, `unknown or malformed entity reference \`${ref}\` (only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed)`);
  }
  if (message === "unexpected close tag." || message.startsWith("unmatched closing tag")) {
    const lt = text.lastIndexOf("</", at - 1);
    const name = /^<\/([^\s>]*)/.exec(text.slice(lt, lt + 256))?.[1] ?? "";
    // saxes has just closed the element this tag should have closed.
    const open = tree.lastClosed;
    if (message.startsWith("unmatched") || !open) fail(lt, `closing tag \`</${name}>\` without an opening tag`);
    fail(lt, `closing tag \`</${name}>\` does not match \`<${open!.name}>\` opened at line ${locate(open!.offset).line}`);
  }
  if (message.startsWith("documents may contain only one root")) fail(text.lastIndexOf("<", at - 1), "a second root element");
  if (message.startsWith("an XML declaration must be at the start")) fail(text.lastIndexOf("<?", at - 1), "the XML declaration must come first");
  if (message.startsWith("text data outside of root node")) fail(tree.settled + Math.max(0, text.slice(tree.settled, at).search(/\S/)), "text outside the root element");
  const reworded = rewordings.find(([re]) => re.test(message));
  return fail(at - 1, reworded ? reworded[1](message, text[at - 1] ?? "") : message.replace(/\.$/, ""));
}

/** saxes messages that say more in the reader's terms; the character is the one saxes stopped at. */
const rewordings: [RegExp, (message: string, c: string) => string][] = [
  [/^duplicate attribute: /, (m) => `attribute \`${m.replace(/^duplicate attribute: |\.$/g, "")}\` appears twice`],
  [/^unquoted attribute value/, () => 'expected a quoted value for the attribute (`name="value"`)'],
  [/^disallowed character/, (_m, c) => (c === "<" ? "`<` is not allowed in the value of an attribute (write `&lt;`)" : `\`${c}\` is not allowed here`)],
];

const bareAmp = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/g;

/**
 * Says what input that stops early left unfinished, from where the last complete piece of XML
 * ended: a comment, CDATA section or processing instruction opened there, a bare `&` (saxes reads
 * everything after one as an entity name, up to the end), or a tag.
 */
function unfinished(text: string, from: number, fail: Fail): never {
  const lt = text.indexOf("<", from);
  bareAmp.lastIndex = from;
  const amp = bareAmp.exec(text)?.index ?? -1;
  const rest = lt === -1 ? "" : text.slice(lt, lt + 64);
  const first = amp !== -1 && (lt === -1 || amp < lt) ? "&" : rest.slice(0, 9);
  if (first.startsWith("<!--")) fail(lt, "unterminated comment: the file ends before its `-->`");
  if (first.startsWith("<![CDATA[")) fail(lt, "unterminated CDATA section: the file ends before its `]]>`");
  if (first.startsWith("<?")) fail(lt, "unterminated processing instruction: the file ends before its `?>`");
  if (amp !== -1) fail(amp, "a bare `&`: write `&amp;` for the character, or end the entity reference with `;`");
  if (lt !== -1) fail(lt, `unterminated tag \`${/^<\/?[^\s>/]*/.exec(rest)![0]}\`: the file ends before its \`>\``);
  return fail(from, "unexpected end of the file");
}
