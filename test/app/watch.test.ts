import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, makeInstance } from '../helpers/app.js';

afterAll(closeAll);

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watching app files', () => {
  it('reloads a changed page and picks up a new one without a restart', async () => {
    const i = makeInstance({ 'app/views/pages/a.liquid': 'one' }, { watch: true });
    writeFileSync(join(i.root, 'app/views/pages/b.liquid'), 'new page');
    await until(() => i.app().pages.some((p) => p.slug === 'b'));
    writeFileSync(join(i.root, 'app/views/pages/a.liquid'), '---\nslug: renamed\n---\ntwo');
    await until(() => i.app().pages.some((p) => p.slug === 'renamed'));
    expect(i.app().pages.map((p) => p.slug).sort()).toEqual(['b', 'renamed']);
  });
});
