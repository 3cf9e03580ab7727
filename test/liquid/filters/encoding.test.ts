import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

describe('base64 (docs examples)', () => {
  it('base64_encode is RFC 2045: line feed every 60 characters and at the end', async () => {
    expect(await render(`{{ 'hello base64' | base64_encode }}`)).toBe('aGVsbG8gYmFzZTY0\n');
    const long = 'x'.repeat(50);
    const out = await render(`{{ s | base64_encode }}`, { s: long });
    expect(out.split('\n').map((l) => l.length)).toEqual([60, 8, 0]);
    expect(Buffer.from(out, 'base64').toString()).toBe(long);
  });
  it('base64_decode accepts the line feeds', async () => {
    expect(await render(`{{ 'aGVsbG8gYmFzZTY0\n' | base64_decode }}`)).toBe('hello base64');
  });
  it('url-safe variants', async () => {
    expect(await render(`{{ 'a b/c?' | base64_url_safe_encode }}`)).toBe('YSBiL2M_');
    expect(await render(`{{ 'YSBiL2M_' | base64_url_safe_decode }}`)).toBe('a b/c?');
    expect(await render(`{{ 'YSBiL2M' | base64_url_safe_decode }}`)).toBe('a b/c');
  });
  it('binary bytes round-trip through decode and encode unchanged', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0x8b, 0x41]);
    const b64 = bytes.toString('base64');
    expect(await render(`{{ s | base64_decode | base64_encode }}`, { s: b64 })).toBe(`${b64}\n`);
    expect(await render(`{{ s | base64_decode | size }}`, { s: b64 })).toBe('4');
  });
});
