/**
 * Line-by-line reading of append-only logs with bounded memory: backwards from the end
 * (the newest lines of a 1 GB file without reading the other 999 MB) and forwards from
 * an offset (following a log as it grows). Lines are split on bytes, so a multi-byte
 * character that straddles two chunks is never cut.
 */
import { promises as fsp } from 'node:fs';

const NEWLINE = 0x0a;

export interface LineOptions {
  /** Bytes read per system call. @default 65_536 */
  chunkSize?: number;
  /** Longer lines are skipped whole, so one corrupt giant line cannot exhaust memory. @default 1_048_576 */
  maxLine?: number;
}

/**
 * The file's size when opened, and its lines from the last to the first (the last one even
 * without a trailing newline). Null when the file does not exist.
 */
export async function linesBackward(
  file: string,
  options: LineOptions = {},
): Promise<{ size: number; lines: AsyncGenerator<string> } | null> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const { size } = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  return { size, lines: backward(handle, size, options) };
}

async function* backward(handle: fsp.FileHandle, size: number, options: LineOptions): AsyncGenerator<string> {
  const chunkSize = options.chunkSize ?? 65_536;
  const maxLine = options.maxLine ?? 1_048_576;
  try {
    let pos = size;
    let carry = Buffer.alloc(0); // the end of a line whose start lies in an earlier chunk
    let oversized = false; // the line being assembled passed maxLine: drop it whole
    while (pos > 0) {
      const length = Math.min(chunkSize, pos);
      pos -= length;
      const chunk = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(chunk, 0, length, pos);
      const read = chunk.subarray(0, bytesRead);
      const buf = carry.length > 0 ? Buffer.concat([read, carry]) : read;
      if (buf.length === 0) break; // the file shrank while being read
      let end = buf.length;
      for (let nl = buf.lastIndexOf(NEWLINE, end - 1); nl !== -1; nl = buf.lastIndexOf(NEWLINE, end - 1)) {
        // the very last byte of the file being a newline ends a line, it does not start an empty one
        if (!(pos + nl === size - 1) && !oversized) yield buf.toString('utf8', nl + 1, end);
        oversized = false;
        end = nl;
        if (end === 0) break;
      }
      carry = buf.subarray(0, end);
      if (carry.length > maxLine) {
        carry = Buffer.alloc(0);
        oversized = true;
      }
    }
    if (carry.length > 0 && !oversized) yield carry.toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The complete lines (ending in a newline) written after byte `from`, and the offset just
 * past the last of them; a line still being written is left for the next call. A file now
 * shorter than `from` was truncated or replaced: reading starts again from its beginning.
 */
export async function linesAfter(
  file: string,
  from: number,
  options: LineOptions = {},
): Promise<{ lines: string[]; next: number }> {
  const maxLine = options.maxLine ?? 1_048_576;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], next: 0 };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    let pos = size < from ? 0 : from;
    const lines: string[] = [];
    // NOTE: at most one maxLine per call: a follower catching up on a huge backlog reads it
    // over several calls instead of holding it all
    const length = Math.min(size - pos, Math.max(options.chunkSize ?? 65_536, maxLine));
    if (length <= 0) return { lines, next: pos };
    const buf = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(buf, 0, length, pos);
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE, 0); nl !== -1 && nl < bytesRead; nl = buf.indexOf(NEWLINE, start)) {
      lines.push(buf.toString('utf8', start, nl));
      start = nl + 1;
    }
    // a whole buffer without a newline is one oversized line: skip past it
    pos += start === 0 && bytesRead === length && length >= maxLine ? bytesRead : start;
    return { lines, next: pos };
  } finally {
    await handle.close();
  }
}
