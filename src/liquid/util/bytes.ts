import { Drop } from 'liquidjs';
import { toOutput } from '../escape.js';

/**
 * Raw bytes that are not UTF-8 text (a binary digest, gzip output, an HKDF key). Ruby keeps
 * these as binary Strings; JavaScript text cannot hold them, so they travel as this Drop.
 * Liquid sees one character per byte (latin1), so `size` counts bytes as Ruby does, and the
 * byte-taking filters (base64_encode, digest, hkdf, gzip_decompress...) read the exact bytes.
 */
export class Bytes extends Drop {
  constructor(readonly buffer: Buffer) {
    super();
  }
  /** The byte count (Liquid's `size` and `.size` read this). */
  get size(): number {
    return this.buffer.length;
  }
  override valueOf(): string {
    return this.buffer.toString('latin1');
  }
  override toString(): string {
    return this.valueOf();
  }
  toJSON(): string {
    return this.valueOf();
  }
}

/** The bytes a filter works on: Bytes as they are, anything else as its UTF-8 text. */
export function toBytes(value: unknown): Buffer {
  if (value instanceof Bytes) return value.buffer;
  if (Buffer.isBuffer(value)) return value;
  return Buffer.from(toOutput(value), 'utf8');
}

/**
 * A filter result made of bytes: plain text when they are valid UTF-8 (so it prints, compares
 * and concatenates like any string), Bytes otherwise.
 */
export function fromBytes(buffer: Buffer): string | Bytes {
  const text = buffer.toString('utf8');
  return Buffer.from(text, 'utf8').equals(buffer) ? text : new Bytes(buffer);
}
