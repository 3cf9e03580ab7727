import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, makeInstance } from '../helpers/app.js';
import { scanApp } from '../../src/app/scan.js';

afterAll(closeAll);

const problemOf = (i: ReturnType<typeof makeInstance>, file: string) => i.app().problems.find((p) => p.file === file)?.message;

describe('loading an app', () => {
  it('reports malformed front matter with file and line, and loads the rest', () => {
    const i = makeInstance({
      'app/views/pages/bad.liquid': '---\nslug: a\nlayout: [unclosed\n---\nbody',
      'app/views/pages/open.liquid': '---\nslug: b\nbody without closing',
      'app/views/pages/good.liquid': 'good',
    });
    expect(problemOf(i, 'app/views/pages/bad.liquid')).toMatch(/^Invalid front matter: app\/views\/pages\/bad\.liquid:\d+ /);
    expect(problemOf(i, 'app/views/pages/open.liquid')).toContain('never closed');
    expect(i.app().pages.map((p) => p.slug)).toEqual(['good']);
  });

  it('rejects unknown tags and Liquid syntax errors with file:line:col, counting front matter lines', () => {
    const i = makeInstance({
      'app/views/pages/tag.liquid': '---\nslug: t\n---\nok\n{% no_such_tag %}',
      'app/views/pages/syntax.liquid': '---\nslug: s\n---\n{% if x %}never closed',
      'app/views/partials/p.liquid': '{{ x | missing_filter }}',
    });
    expect(problemOf(i, 'app/views/pages/tag.liquid')).toMatch(/^app\/views\/pages\/tag\.liquid:5:1 .*no_such_tag/);
    expect(problemOf(i, 'app/views/pages/syntax.liquid')).toMatch(/^app\/views\/pages\/syntax\.liquid:4:\d+ .*not closed/);
    expect(problemOf(i, 'app/views/partials/p.liquid')).toMatch(/^app\/views\/partials\/p\.liquid:1:\d+ undefined filter: missing_filter/);
  });

  it('keeps the last good version of a file that breaks on reload, and reports it once', () => {
    const i = makeInstance({ 'app/views/pages/x.liquid': 'v1' });
    const path = join(i.root, 'app/views/pages/x.liquid');
    writeFileSync(path, 'v2 {% broken');
    const fresh = i.reload();
    expect(fresh).toHaveLength(1);
    expect(fresh[0].message).toContain('app/views/pages/x.liquid');
    expect(i.app().pages[0].body.templates.length).toBeGreaterThan(0);
    expect(i.reload()).toHaveLength(0); // same problem: not reported again
    expect(i.store.logs.since(0).filter((l) => l.error_type === 'load_error')).toHaveLength(1);
    writeFileSync(path, 'v3');
    expect(i.reload()).toHaveLength(0);
    expect(i.app().problems).toHaveLength(0);
  });

  it('reports two pages claiming one route and a missing named layout', () => {
    const i = makeInstance({
      'app/views/pages/a.liquid': '---\nslug: same\n---\na',
      'app/views/pages/b.liquid': '---\nslug: same\n---\nb',
      'app/views/pages/c.liquid': '---\nlayout: nope\n---\nc',
    });
    expect(problemOf(i, 'app/views/pages/b.liquid')).toContain('already served by app/views/pages/a.liquid');
    expect(problemOf(i, 'app/views/pages/c.liquid')).toContain('layout "nope" not found');
  });

  it('finds every directory kind under canonical and legacy names, in app and modules', () => {
    const root = makeInstance({
      'app/views/partials/a.liquid': '',
      'app/lib/b.liquid': '',
      'app/notifications/api_call_notifications/c.liquid': '',
      'app/api_calls/d.liquid': '',
      'app/emails/e.liquid': '',
      'app/notifications/email_notifications/f.liquid': '',
      'app/smses/g.liquid': '',
      'app/form_configurations/h.liquid': '',
      'app/custom_model_types/i.yml': 'name: i',
      'app/model_schemas/j.yml': 'name: j',
      'app/graph_queries/k.graphql': '{ x }',
      'modules/m/public/graphql/l.graphql': '{ x }',
      'modules/m/private/views/partials/n.liquid': '',
    }).root;
    const kinds = scanApp(root).map((f) => `${f.kind}:${f.module ?? ''}:${f.inner}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'partials::a.liquid',
        'partials::b.liquid',
        'api_calls::c.liquid',
        'api_calls::d.liquid',
        'emails::e.liquid',
        'emails::f.liquid',
        'smses::g.liquid',
        'forms::h.liquid',
        'schema::i.yml',
        'schema::j.yml',
        'graphql::k.graphql',
        'graphql:m:l.graphql',
        'partials:m:n.liquid',
      ]),
    );
  });

  it('names module partials and queries with the modules/<name>/ prefix', () => {
    const i = makeInstance({
      'modules/shop/public/views/partials/cart/item.liquid': 'item',
      'modules/shop/public/graphql/cart/get.graphql': '{ x }',
    });
    expect([...i.app().partials.keys()]).toEqual(['modules/shop/cart/item']);
    expect([...i.app().queries.keys()]).toEqual(['modules/shop/cart/get']);
  });
});
