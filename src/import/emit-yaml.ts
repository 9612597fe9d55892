// A small, fast YAML writer for topology documents: block layout at the top, one flow map per
// site, element and link (`- {id: r1, role: core, vendor: Nokia}`), so that a 10^5-element
// import stays readable line by line and diffs well. Any scalar YAML could misread is written
// double-quoted (JSON escapes are valid YAML escapes).

// Plain scalars must start with a letter, `_` or `/`, use only id-like characters, and have
// single inner spaces; anything else (numbers, dates, indicators, `: `, ` #`) gets quoted.
const plainRe = /^[\p{L}_/][\p{L}\p{N}_./@+-]*(?: [\p{L}\p{N}_./@+()-]+)*$/u;
// Words YAML 1.1 or 1.2 parsers read as booleans or null.
const reservedWords = new Set(["null", "true", "false", "yes", "no", "on", "off", "y", "n"]);
// Characters outside YAML's printable set, and line separators some parsers honour.
const unprintableRe = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const lineBreakRe = /\r\n|[\r\n\u0085\u2028\u2029]/g;

function escapeUnprintable(ch: string): string {
  return "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
}

// The same test for plain ASCII, which is most ids and names and much faster than \p{…}.
const plainAsciiRe = /^[A-Za-z_/][A-Za-z0-9_./@+-]*(?: [A-Za-z0-9_./@+()-]+)*$/;
// eslint-disable-next-line no-control-regex
const asciiRe = /^[\x00-\x7f]*$/;

/** A string as a YAML scalar: plain when it cannot be misread, else double-quoted. */
export function yamlString(s: string): string {
  const plain = plainAsciiRe.test(s) || (!asciiRe.test(s) && plainRe.test(s));
  if (plain && (s.length > 5 || !reservedWords.has(s.toLowerCase()))) return s;
  return JSON.stringify(s).replace(unprintableRe, escapeUnprintable);
}

// Map keys repeat on every line (`id`, `role`, `vendor`…): quote each once.
const keyCache = new Map<string, string>();
function yamlKey(k: string): string {
  let out = keyCache.get(k);
  if (out === undefined) {
    out = yamlString(k);
    if (k.length <= 32 && keyCache.size < 4096) keyCache.set(k, out);
  }
  return out;
}

function yamlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} as a topology number`);
  return Object.is(n, -0) ? "-0" : String(n);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// Output is assembled from fragments in arrays and joined in chunks: concatenating with `+`
// would leave millions of short-lived cons strings for the garbage collector on a big import.

/** Appends `v` in YAML flow style to `out`. */
function writeFlow(v: unknown, out: string[]): void {
  switch (typeof v) {
    case "string":
      out.push(yamlString(v));
      return;
    case "number":
      out.push(yamlNumber(v));
      return;
    case "boolean":
      out.push(v ? "true" : "false");
      return;
    case "object": {
      if (v === null) {
        out.push("null");
        return;
      }
      if (Array.isArray(v)) {
        out.push("[");
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out.push(", ");
          writeFlow(v[i], out);
        }
        out.push("]");
        return;
      }
      out.push("{");
      let first = true;
      for (const key in v) {
        const item = (v as Record<string, unknown>)[key];
        if (item === undefined || !Object.hasOwn(v, key)) continue;
        out.push(first ? yamlKey(key) : ", " + yamlKey(key), ": ");
        writeFlow(item, out);
        first = false;
      }
      out.push("}");
      return;
    }
    default:
      throw new Error(`cannot write a ${typeof v} as YAML`);
  }
}

/** Any JSON-like value in YAML flow style, on one line. */
export function yamlFlow(v: unknown): string {
  const out: string[] = [];
  writeFlow(v, out);
  return out.join("");
}

/** One comment line; line breaks and unprintable characters cannot escape the comment. */
export function yamlComment(text: string): string {
  const clean = text.replace(lineBreakRe, " ").replace(/[\u0000-\u0008\u000b-\u001f]/g, escapeUnprintable).replace(unprintableRe, escapeUnprintable);
  return clean === "" ? "#" : `# ${clean}`;
}

/**
 * The document as YAML: `header` lines as comments, then each top-level key in order; arrays
 * become block sequences and maps of objects block maps, each item a flow map on its own line.
 */
export function emitYaml(doc: object, header: readonly string[] = []): string {
  const chunks: string[] = [];
  let parts: string[] = header.map((h) => yamlComment(h) + "\n");
  const line = (prefix: string, value: unknown): void => {
    parts.push(prefix);
    writeFlow(value, parts);
    parts.push("\n");
    if (parts.length > 8192) {
      chunks.push(parts.join(""));
      parts = [];
    }
  };
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    const k = yamlString(key);
    if (Array.isArray(value) && value.length > 0) {
      parts.push(`${k}:\n`);
      for (const item of value) line("  - ", item);
    } else if (isPlainObject(value) && Object.keys(value).length > 0) {
      parts.push(`${k}:\n`);
      for (const [sub, item] of Object.entries(value)) if (item !== undefined) line(`  ${yamlString(sub)}: `, item);
    } else {
      line(`${k}: `, value);
    }
  }
  chunks.push(parts.join(""));
  return chunks.join("");
}
