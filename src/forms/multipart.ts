import { setNested } from '../server/rack-params.js';

/**
 * multipart/form-data (what {% form %} submits by default) -> nested params like a
 * form-encoded body. Parsed by the runtime's own fetch implementation (undici). Files are
 * left out: upload properties are not implemented in posemu.
 */
export async function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  const blob = new Blob([new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>]);
  const data = await new Response(blob, { headers: { 'content-type': contentType } }).formData();
  const out: Record<string, unknown> = {};
  for (const [key, value] of data) if (typeof value === 'string') setNested(out, key, value);
  return out;
}
