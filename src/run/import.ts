import { basename, dirname, extname, join, resolve } from "node:path";
import { errorAt, InputError } from "../diagnostics.js";
import { type FolderView, type Importer, importerFor, type ImportFile, type ImportOutcome, importTopology, type MetricSource, parseVendorMap, renderImport } from "../import/index.js";
import type { RunHost } from "./host.js";
import { refuseInputTargets } from "./outputs.js";

export interface ImportRequest {
  format: string;
  /** Files, or folders of files with the importer's extensions. */
  inputs: readonly string[];
  /** Where the topology goes (.json → JSON, otherwise YAML); stdout when absent. */
  output?: string;
  vendorMap?: string;
  metric?: MetricSource;
  /** Write over an existing output (never over an input). */
  force: boolean;
}

export interface ImportRun {
  outcome: ImportOutcome;
  /** The topology as text, in the output's format. */
  text: string;
  /** Absolute path of the output file, when there is one. */
  outPath?: string;
}

// Bytes, not text: the importers decode them as `validate` does (invalid UTF-8 is refused, not replaced).
function readBytes(host: RunHost, path: string): ImportFile {
  const full = resolve(host.cwd, path);
  try {
    return { file: path, bytes: host.readFile(full) };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ENOENT") throw new InputError([errorAt("E_READ", `${path}: no such file or directory`)]);
    throw new InputError([errorAt("E_READ", `${path}: cannot read (${code ?? (err as Error).message})`)]);
  }
}

/** Paths of a folder's files with the importer's extensions, then those of its `folders` (each sorted). */
function folderFiles(host: RunHost, importer: Importer, input: string): string[] {
  const out: string[] = [];
  for (const sub of ["", ...(importer.folders ?? [])]) {
    const dir = sub === "" ? input : join(input, sub);
    const full = resolve(host.cwd, dir);
    if (sub !== "" && !(host.exists(full) && host.stat(full).isDirectory)) continue;
    const names = host.listFolder(full).filter((n) => importer.extensions.includes(extname(n).toLowerCase())).sort();
    for (const n of names) out.push(join(dir, n));
  }
  return out;
}

/** The input files: each argument, or the files of a folder with the importer's extensions. */
function readInputs(host: RunHost, format: string, inputs: readonly string[]): ImportFile[] {
  const importer = importerFor(format);
  const files: ImportFile[] = [];
  for (const input of inputs) {
    const full = resolve(host.cwd, input);
    if (!host.exists(full)) throw new InputError([errorAt("E_READ", `${input}: no such file or directory`)]);
    if (importer.expand) {
      for (const p of importer.expand(input, folderView(host))) files.push(readBytes(host, p));
    } else if (host.stat(full).isDirectory) {
      const names = folderFiles(host, importer, input);
      if (names.length === 0) throw new InputError([errorAt("E_READ", `${input}: no ${importer.extensions.join("/")} files in this directory${importer.folders ? ` or its ${importer.folders.join("/, ")}/ folders` : ""}`)]);
      for (const n of names) files.push(readBytes(host, n));
    } else {
      files.push(readBytes(host, input));
    }
  }
  if (importer.inputs === "one" && files.length !== 1) {
    throw new InputError([errorAt("E_IMPORT_INPUT", `${format} import takes exactly one file, got ${files.length}`)]);
  }
  return files;
}

function folderView(host: RunHost): FolderView {
  const isFolder = (p: string): boolean => {
    const full = resolve(host.cwd, p);
    return host.exists(full) && host.stat(full).isDirectory;
  };
  return {
    isFolder,
    list: (p) => (isFolder(p) ? host.listFolder(resolve(host.cwd, p)).sort() : []),
    join,
    dirname,
    basename,
  };
}

/**
 * A foreign inventory → a checked topology. The output is refused when it names a source or the
 * vendor map (even with --force: they would be lost), or exists without --force, before anything
 * is converted.
 */
export function importRequest(host: RunHost, request: ImportRequest): ImportRun {
  const { format, output } = request;
  if (request.metric !== undefined && format !== "graphml") throw new InputError([errorAt("E_USAGE", "--metric applies to graphml imports only")]);
  const outPath = output === undefined ? undefined : resolve(host.cwd, output);
  const files = readInputs(host, format, request.inputs);
  if (outPath !== undefined) {
    const sources = [...files.map((f) => f.file), ...(request.vendorMap !== undefined ? [request.vendorMap] : [])];
    refuseInputTargets(host, [{ path: outPath, flag: `-o ${output}` }], sources.map((f) => resolve(host.cwd, f)));
    if (!request.force && host.exists(outPath)) throw new InputError([errorAt("E_EXISTS", `${output} already exists; pass --force to overwrite it`)]);
  }
  const vendorMap = request.vendorMap === undefined ? undefined : parseVendorMap(readBytes(host, request.vendorMap));
  const outcome = importTopology({ format, files, ...(request.metric ? { options: { metric: request.metric } } : {}), ...(vendorMap ? { vendorMap } : {}) });
  const text = renderImport(outcome, output !== undefined && /\.json$/i.test(output) ? "json" : "yaml");
  return { outcome, text, ...(outPath !== undefined ? { outPath } : {}) };
}
