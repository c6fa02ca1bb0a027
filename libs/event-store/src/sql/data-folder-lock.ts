import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataFolderLockedError } from '../errors.js';

/**
 * PGlite does not lock its data folder, and two processes opening one folder silently lose data.
 * This lock file (beside the folder, holding the owner's pid) is taken with O_EXCL before PGlite
 * opens it; a lock whose process is gone is stale and is taken over.
 */
export class DataFolderLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(
    readonly dataDir: string,
    readonly lockFile: string,
  ) {
    process.once('exit', this.onExit);
  }

  static lockFileFor(dataDir: string): string {
    return `${resolve(dataDir)}.lock`;
  }

  static acquire(dataDir: string): DataFolderLock {
    const folder = resolve(dataDir);
    const lockFile = DataFolderLock.lockFileFor(folder);
    mkdirSync(dirname(lockFile), { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(lockFile, 'wx', 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return new DataFolderLock(folder, lockFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readHolder(lockFile);
        if (holder !== null && holder !== process.pid && isAlive(holder)) {
          throw new DataFolderLockedError(folder, holder, lockFile);
        }
        if (holder === process.pid) {
          throw new DataFolderLockedError(folder, holder, lockFile);
        }
        // Stale: the process that held it is gone (or the file is unreadable). Take it over.
        try {
          unlinkSync(lockFile);
        } catch (unlinkError) {
          if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
        }
      }
    }
    throw new Error(`could not take the lock ${lockFile}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    try {
      if (readHolder(this.lockFile) === process.pid) unlinkSync(this.lockFile);
    } catch {
      // already gone
    }
  }
}

function readHolder(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
