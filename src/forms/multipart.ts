import { PosError } from '../errors.js';
import { setNested } from '../server/rack-params.js';

/**
 * multipart/form-data (what {% form %} submits by default) -> nested params like a
 * form-encoded body. Parsed by the runtime's own fetch implementation (undici). Files are
 * left out: upload properties are not implemented in posemu.
 */
export async function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  const blob = new Blob([new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>]);
  let data: FormData;
  try {
    data = await new Response(blob, { headers: { 'content-type': contentType } }).formData();
  } catch {
    // The client's mistake, not the server's: a 400 saying what is wrong rather than a 500.
    throw new PosError('POS_ERR_BAD_REQUEST', 'the multipart/form-data body could not be parsed (boundary missing or body cut short)');
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of data) if (typeof value === 'string') setNested(out, key, value);
  return out;
}
