import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../core/errors.js";

/** Name of the lock file inside a PGlite data directory. */
export const LOCK_FILE_NAME = "ixalab.lock";

/**
 * Takes an exclusive lock on a PGlite data directory by creating `ixalab.lock` holding this pid, replacing
 * the lock of a process that no longer runs; PGlite has no lock of its own, and two processes writing one
 * directory corrupt it.
 * @returns a function that releases the lock (idempotent).
 * @throws InputError when a live process holds the lock.
 */
export function acquireDataDirLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE_NAME);
  // Two attempts: the second follows removal of a stale lock. If another process wins the race for the
  // fresh lock, its pid is alive and we report it as the holder.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return releaser(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readPid(path);
    if (holder === undefined && isFresh(path)) {
      throw new InputError(
        `data directory ${dir} is being opened by another Ixalab process right now; try again, or use --data with another folder`,
      );
    }
    if (holder !== undefined && isAlive(holder)) {
      throw new InputError(
        `data directory ${dir} is in use by another Ixalab process (pid ${holder}); stop it or use --data with another folder. If no Ixalab process is running, delete ${path}`,
      );
    }
    removeIfExists(path);
  }
  throw new InputError(
    `could not lock data directory ${dir}: ${path} keeps reappearing; is another Ixalab starting?`,
  );
}

function releaser(path: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Remove only our own lock: a lock we lost to stale-lock recovery belongs to someone else now.
    if (readPid(path) === process.pid) removeIfExists(path);
  };
}

function readPid(path: string): number | undefined {
  try {
    const text = readFileSync(path, "utf8").trim();
    // Empty or garbled: its writer is between create and write, or died there (see isFresh).
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

// A lock file without a pid is only stale once it is old enough that its writer cannot still be writing.
function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 5_000;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
