import type { Diagnostic } from "../diagnostics.js";
import type { LoadHost } from "../load/index.js";

/**
 * The outside world as the application layer sees it. The CLI passes the real file system
 * (src/cli/host.ts); tests may pass an in-memory one. Nothing in src/run touches fs itself.
 */
export interface RunHost extends LoadHost {
  /** Folder that relative arguments are resolved against. */
  readonly cwd: string;
  /** Heap available to the process: inputs estimated not to fit are refused up front. */
  readonly heapLimitBytes: number;
  /**
   * Command-line arguments → files: a folder means the cleanpath files directly in it (others are
   * skipped with a warning through `warn`); a missing argument is an InputError.
   */
  expandInputs(args: readonly string[], warn: (d: Diagnostic) => void): string[];
  /** Names of the entries of a folder. */
  listFolder(path: string): string[];
  /** Whether a path exists (as anything). */
  exists(path: string): boolean;
  /**
   * Identity of an existing file (device and inode, so a symbolic or hard link to an input is
   * recognised), or undefined when nothing is there.
   */
  fileId(path: string): string | undefined;
}

/**
 * A host that remembers every file read through it: all of them are inputs of the run (the
 * files named, what they include, policy files and what they extend), so no output may name one.
 */
/** (The host must be a plain object of functions, as nodeHost is.) */
export function recordingHost<H extends RunHost>(host: H): { host: H; read: ReadonlySet<string> } {
  const read = new Set<string>();
  const wrapped: H = {
    ...host,
    readFile: (p: string) => {
      read.add(p);
      return host.readFile(p);
    },
  };
  return { host: wrapped, read };
}
