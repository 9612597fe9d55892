import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../diagnostics.js";

/** Characters written per call (exported for tests). */
export const writeSlice = 1 << 22;

/**
 * Writes `content` (one string, or pieces in order) to `path` through a temporary file in the same folder and a rename, so a
 * failed or interrupted run never leaves a partial file behind (SPEC §6). A path that names a device, a pipe or a socket
 * (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written in place: renaming over it would replace the device with a file.
 */
export function writeFileAtomic(path: string, content: string | readonly string[], options: { overwrite?: boolean } = {}): void {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (options.overwrite === false && existing?.isFile() === true) {
    throw new InputError([
      { code: "E_EXISTS", severity: "error", message: `${path} already exists; pass --force to overwrite it` },
    ]);
  }
  if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) {
    writeInPlace(path, content);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(tmp, "wx", 0o644);
    try {
      writePieces(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeError(path, err);
  }
}

/** A device or pipe: opened for writing as it is (no temporary file, no fsync, which devices may refuse). */
function writeInPlace(path: string, content: string | readonly string[]): void {
  try {
    const fd = openSync(path, "w");
    try {
      writePieces(fd, content);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw writeError(path, err);
  }
}

function writePieces(fd: number, content: string | readonly string[]): void {
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
}

function writeError(path: string, err: unknown): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e.code === "ENOENT" || e.code === "EACCES" || e.code === "EISDIR" || e.code === "EROFS" || e.code === "EPERM" || e.code === "ENOTDIR") {
    return new InputError([{ code: "E_WRITE", severity: "error", message: `cannot write ${path}: ${e.message}` }]);
  }
  return err;
}
