import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

const instance = makeInstance({
  'app/assets/valid/file.jpg': 'jpg',
  'app/assets/my file.css': 'css',
  'modules/shop/public/assets/logo.png': 'png',
});
const mtime = 1565632488;
for (const f of ['app/assets/valid/file.jpg', 'app/assets/my file.css', 'modules/shop/public/assets/logo.png']) {
  utimesSync(join(instance.root, f), mtime, mtime);
}
const page = { context: { location: { href: 'http://localhost:3000/some/page?x=1' } } };
const r = (source: string, vars: Record<string, unknown> = page) => render(source, vars, { instance });

describe('asset_path (docs example, local cache buster)', () => {
  it('path under /assets with the file time as `updated`', async () => {
    expect(await r(`{{ "valid/file.jpg" | asset_path }}`)).toBe(`/assets/valid/file.jpg?updated=${mtime}`);
    expect(await r(`{{ "/valid/file.jpg" | asset_path }}`)).toBe(`/assets/valid/file.jpg?updated=${mtime}`);
    expect(await r(`{{ "my file.css" | asset_path }}`)).toBe(`/assets/my%20file.css?updated=${mtime}`);
    expect(await r(`{{ "modules/shop/logo.png" | asset_path }}`)).toBe(`/assets/modules/shop/logo.png?updated=${mtime}`);
  });
  it('an unknown asset keeps its path, without a query', async () => {
    expect(await r(`{{ "nope.js" | asset_path }}`)).toBe('/assets/nope.js');
  });
  it('an empty path is an error', async () => {
    await expect(r(`{{ "" | asset_path }}`)).rejects.toThrow(/asset_path: file path \(input\) is empty/);
  });
});

describe('asset_url', () => {
  it('absolute URL on the host the page was requested from (docs example shape)', async () => {
    expect(await r(`{{ "valid/file.jpg" | asset_url }}`)).toBe(`http://localhost:3000/assets/valid/file.jpg?updated=${mtime}`);
  });
  it('outside a request it stays relative', async () => {
    expect(await r(`{{ "valid/file.jpg" | asset_url }}`, {})).toBe(`/assets/valid/file.jpg?updated=${mtime}`);
  });
});

describe('asset_name_to_raw_url', () => {
  it('URL of an existing asset, nil otherwise', async () => {
    expect(await r(`{{ 'valid/file.jpg' | asset_name_to_raw_url }}`)).toBe('http://localhost:3000/assets/valid/file.jpg');
    expect(await r(`[{{ 'logo.png' | asset_name_to_raw_url }}]`)).toBe('[]');
  });
});
