// YAML input for importers (containerlab labs, vendor maps), with positions, unique keys and a
// cap on alias expansion. The topology loader has its own; this one only needs to point at
// the node or link an importer reports about.
import { LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { InputError, type SourceLocation } from "../diagnostics.js";

export interface YamlSource {
  data: unknown;
  /** Position of the node at `path` (or of its nearest existing parent). */
  locate: (path: readonly (string | number)[]) => SourceLocation;
}

/** Parses one YAML document; syntax errors, duplicate keys and alias bombs become InputErrors. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((e) => ({ code: "E_YAML_SYNTAX", severity: "error" as const, message: e.message.split("\n")[0]!, location: at(e.pos[0]) })));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new InputError([{ code: "E_YAML_SYNTAX", severity: "error", message: (err as Error).message, location: at(0) }]);
  }
  const locate = (path: readonly (string | number)[]): SourceLocation => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
      if (node && typeof node === "object" && node.range) return at(node.range[0]);
    }
    return { file, line: 1, column: 1 };
  };
  return { data, locate };
}
