import { createHash } from "node:crypto";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { type Diagnostic, errorAt, InputError, type SourceLocation } from "../diagnostics.js";
import { decodeText } from "./decode.js";
import { type DocumentOptions, isJsonName, mb, readDocument } from "./document.js";
import type { DocPath, PosNode } from "./positions.js";

/** The file system as the loader sees it; the CLI passes the real one, tests an in-memory one. */
export interface LoadHost {
  readFile(path: string): Uint8Array;
  /** Throws an error with `code` ENOENT, EACCES… when the path cannot be read. */
  stat(path: string): { size: number; isFile: boolean; isDirectory: boolean };
  realpath(path: string): string;
  /** How a path is shown to the user (relative to the working folder, with `/`). */
  display(path: string): string;
}

export interface LoadOptions {
  /** Largest file accepted, in bytes (default 1 GiB). */
  maxFileBytes?: number;
  /** Largest YAML file the full parser may read when the fast reader cannot (default 10 MiB). */
  maxFullYamlBytes?: number;
  /** Deepest nesting accepted (default 64). */
  maxDepth?: number;
  /** Heap available to this process; inputs estimated not to fit are refused up front. */
  heapLimitBytes?: number;
  /** Compute each file's SHA-256 (for reports). */
  hash?: boolean;
  /** Most diagnostics kept per file (default 100). */
  maxProblemsPerFile?: number;
}

/** One parsed file: its data, where each top-level item sits, and how to locate anything deeper. */
export interface LoadedFile {
  file: string;
  path: string;
  sha256?: string;
  bytes: number;
  value: Record<string, unknown>;
  /** Positions of the root's entries and of their items. */
  pos: PosNode;
  /** Location of `path` (or of its nearest existing ancestor); `key` points at the key of a map entry. */
  locate(path: DocPath, key?: boolean): SourceLocation;
  /** Locates many paths with one extra pass over the file. */
  locateAll(paths: readonly DocPath[], key?: boolean): SourceLocation[];
  /** The include entry that brought this file in. */
  includedFrom?: SourceLocation;
}

const MiB = 1024 * 1024;

/**
 * Heap a file will need once parsed and normalised: a few bytes per input byte (the text
 * itself, its strings) plus a few hundred per line (each line is about one item: its parsed
 * object, its normalised record, its position). Measured on the bench topologies.
 */
function heapNeeded(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
  return bytes.length * 6 + lines * 350;
}

/**
 * Loads each path with everything it includes (depth first, each file once), checking that
 * includes stay inside the including file's folder and form no cycle. All problems of all files
 * are collected and thrown together as one InputError.
 */
export function loadFiles(paths: readonly string[], host: LoadHost, options: LoadOptions = {}): LoadedFile[] {
  const out: LoadedFile[] = [];
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  let estimatedHeap = 0;
  const heapLimit = options.heapLimitBytes ?? Infinity;

  const visit = (abs: string, chain: string[], from?: SourceLocation): void => {
    const shown = host.display(abs);
    let real: string;
    let size: number;
    try {
      const st = host.stat(abs);
      if (st.isDirectory) {
        problems.push(errorAt("E_READ", `${shown} is a folder, not a file`, from));
        return;
      }
      real = host.realpath(abs);
      size = st.size;
    } catch (err) {
      problems.push(errorAt("E_READ", readMessage(shown, err), from));
      return;
    }
    if (chain.includes(real)) {
      const cycle = [...chain.slice(chain.indexOf(real)), real].map((p) => host.display(p)).join(" → ");
      problems.push(errorAt("E_INCLUDE_CYCLE", `include cycle: ${cycle}`, from));
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    const maxBytes = options.maxFileBytes ?? 1024 * MiB;
    if (size > maxBytes) {
      problems.push(
        errorAt("E_TOO_LARGE", `${shown} is ${mb(size)}; the limit is ${mb(maxBytes)} (raise it with --max-file-size)`, from ?? { file: shown, line: 1, column: 1 }),
      );
      return;
    }
    let loaded: LoadedFile;
    try {
      // Reading is safe (a Buffer lives outside the heap); parsing is what needs memory.
      const bytes = host.readFile(abs);
      estimatedHeap += heapNeeded(bytes);
      if (estimatedHeap > heapLimit) {
        const need = Math.ceil((estimatedHeap * 1.25) / MiB);
        problems.push(
          errorAt(
            "E_TOO_LARGE",
            `${shown}: the topology needs about ${mb(estimatedHeap)} of memory to load but Node.js allows ${mb(heapLimit)}; ` +
              `run with NODE_OPTIONS=--max-old-space-size=${need}, or split the topology`,
            from ?? { file: shown, line: 1, column: 1 },
          ),
        );
        return;
      }
      loaded = parseFile(shown, abs, bytes, options);
      if (from) loaded.includedFrom = from;
    } catch (err) {
      if (err instanceof InputError) {
        problems.push(...err.diagnostics);
        return;
      }
      if ((err as NodeJS.ErrnoException)?.code) {
        problems.push(errorAt("E_READ", readMessage(shown, err), from));
        return;
      }
      throw err;
    }
    out.push(loaded);
    const includes = loaded.value.include;
    if (!Array.isArray(includes)) return;
    includes.forEach((inc, i) => {
      if (typeof inc !== "string" || inc === "") return; // the schema reports it
      const at = loaded.locate(["include", i]);
      if (isAbsolute(inc)) {
        problems.push(errorAt("E_INCLUDE_ESCAPE", `include \`${inc}\` is an absolute path; includes are relative to the including file`, at));
        return;
      }
      const base = dirname(real);
      const target = resolve(dirname(abs), inc);
      let targetReal = target;
      try {
        targetReal = host.realpath(target);
      } catch {
        // Missing: reported by visit() below, at the include entry.
      }
      const rel = relative(base, targetReal);
      if (rel === "" || rel.startsWith("..") || isAbsolute(rel) || rel.split(sep).includes("..")) {
        problems.push(
          errorAt("E_INCLUDE_ESCAPE", `include \`${inc}\` leaves the folder of ${shown}; includes must stay inside it`, at),
        );
        return;
      }
      visit(target, [...chain, real], at);
    });
  };

  for (const p of paths) visit(p, []);
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

function readMessage(shown: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return `${shown}: no such file`;
  if (code === "EACCES" || code === "EPERM") return `${shown}: permission denied`;
  if (code === "EISDIR") return `${shown} is a folder, not a file`;
  return `${shown}: cannot read (${(err as Error)?.message ?? String(err)})`;
}

/** Parses one file's bytes (no includes): JSON by extension, YAML otherwise. */
export function parseFile(file: string, path: string, bytes: Uint8Array, options: LoadOptions = {}): LoadedFile {
  const json = isJsonName(path);
  const text = decodeText(file, bytes, { json });
  const sha256 = options.hash ? createHash("sha256").update(bytes).digest("hex") : undefined;
  const doc = readDocument({ file, text }, { as: json ? "json" : "yaml", ...documentOptions(options) });
  const { value, pos } = doc;
  if (value === undefined || value === null) {
    throw new InputError([errorAt("E_EMPTY", "the file is empty: a topology starts with `cleanpath: 1`", { file, line: 1, column: 1 })]);
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    const what = Array.isArray(value) ? "a list" : `a ${typeof value}`;
    throw new InputError([
      errorAt("E_ROOT_TYPE", `the file holds ${what}; a topology is a mapping that starts with \`cleanpath: 1\``, { file, line: pos.line, column: pos.column }),
    ]);
  }
  const loaded: LoadedFile = {
    file,
    path,
    bytes: bytes.length,
    value: value as Record<string, unknown>,
    pos,
    locate: doc.locate,
    locateAll: doc.locateAll,
  };
  if (sha256) loaded.sha256 = sha256;
  return loaded;
}

function documentOptions(options: LoadOptions): DocumentOptions {
  const out: DocumentOptions = {};
  if (options.maxDepth !== undefined) out.maxDepth = options.maxDepth;
  if (options.maxFullYamlBytes !== undefined) out.maxFullYamlBytes = options.maxFullYamlBytes;
  if (options.maxProblemsPerFile !== undefined) out.maxProblems = options.maxProblemsPerFile;
  return out;
}

export { decodeSource, type DocumentOptions, isJsonName, type ParsedDocument, readDocument, type SourceText } from "./document.js";
export { lineLocator } from "./positions.js";
