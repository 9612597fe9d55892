import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../diagnostics.js";

/** Characters written per call (exported for tests). */
export const writeSlice = 1 << 22;

/**
 * Writes `content` (one string, or pieces in order) to `path` through a temporary file in the same folder and a rename, so a
 * failed or interrupted run never leaves a partial file behind (SPEC §6).
 */
export function writeFileAtomic(path: string, content: string | readonly string[], options: { overwrite?: boolean } = {}): void {
  if (options.overwrite === false && existsSync(path)) {
    throw new InputError([
      { code: "E_EXISTS", severity: "error", message: `${path} already exists; pass --force to overwrite it` },
    ]);
  }
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(tmp, "wx", 0o644);
    try {
      // In slices: one 160 MB write would first encode the whole text into one more buffer.
      // A slice never ends between the two halves of a surrogate pair (each would become U+FFFD).
      for (const text of typeof content === "string" ? [content] : content) {
        for (let i = 0; i < text.length; ) {
          let end = Math.min(text.length, i + writeSlice);
          const last = text.charCodeAt(end - 1);
          if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
          writeSync(fd, i === 0 && end === text.length ? text : text.slice(i, end));
          i = end;
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ENOENT" || e.code === "EACCES" || e.code === "EISDIR" || e.code === "EROFS") {
      throw new InputError([{ code: "E_WRITE", severity: "error", message: `cannot write ${path}: ${e.message}` }]);
    }
    throw err;
  }
}
