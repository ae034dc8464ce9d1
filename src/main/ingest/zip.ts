// A minimal ZIP reader for the few small parts of a Word file mammoth does not expose (document
// properties, styles, page headers). Reads the central directory only; refuses what it cannot bound.
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a ZIP archive, or undefined when its central directory is missing (truncated). */
export function listZip(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's content as text, or undefined if absent, unsupported or larger than `maxBytes`. */
export function readZipText(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  maxBytes = 8 * 1024 * 1024,
): string | undefined {
  if (!entry || entry.size > maxBytes) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL) return undefined;
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return new TextDecoder().decode(data);
    // maxOutputLength bounds a lying size field: a zip bomb stops here instead of filling memory.
    if (entry.method === 8) return new TextDecoder().decode(inflateRawSync(data, { maxOutputLength: maxBytes }));
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Inflates every entry without keeping its output, counting the bytes that really come out, and
 * stops as soon as the archive's total passes `cap`. Size fields can lie: only counting the output
 * tells how far a part expands, and a Word file whose XML expands to gigabytes must be stopped here,
 * before mammoth inflates it into memory (a worker's heap cap does not count Buffers).
 * Returns the total (or a number just past `cap`); damaged deflate data counts what came out before it.
 */
export async function inflatedSize(bytes: Uint8Array, entries: ZipEntry[], cap: number): Promise<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    if (total > cap) break;
    if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL) continue;
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) total += await countInflated(data, cap - total);
  }
  return total;
}

function countInflated(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let count = 0;
    const done = () => {
      inflater.removeAllListeners('data');
      inflater.destroy();
      resolve(count);
    };
    inflater.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > budget) done();
    });
    inflater.once('end', done);
    inflater.once('error', done);
    inflater.end(data);
  });
}
