import { request } from 'node:http';
import { describe, expect, it, beforeAll } from 'vitest';
import { serveApp, type Served } from '../helpers/server.js';

const files = {
  'app/views/layouts/application.liquid': '<html><title>{{ context.page.metadata.title }}</title><body>{{ content_for_layout }}</body></html>',
  'app/views/layouts/bare.html.liquid': '[{{ content_for_layout }}]',
  'app/views/pages/index.liquid': 'home',
  'app/views/pages/blog/index.html.liquid': '---\nlayout: ""\n---\nblog index',
  'app/views/pages/get-started/hello-world.html.liquid': '---\nmetadata:\n  title: Hi\n---\nhello',
  'app/views/pages/custom.liquid': '---\nslug: elsewhere/page\nlayout: bare\n---\ncustom',
  'app/views/pages/data.json.liquid': '{"format": "{{ context.params.format }}"}',
  'app/views/pages/projects.liquid': '---\nslug: projects/:id\nlayout: ""\n---\n{{ context.params.id }}|{{ context.params.slug }}|{{ context.params.slug2 }}',
  'app/views/pages/search.liquid': '---\nslug: search(/:country)(/:city)\nlayout: ""\n---\n{{ context.params.country }}/{{ context.params.city }}',
  'app/views/pages/tree.liquid': '---\nslug: tree/*path\nlayout: ""\n---\n{{ context.params.path }}',
  'app/views/pages/submit.liquid': '---\nmethod: post\nlayout: ""\n---\nposted {{ context.params.name }}',
  'app/views/pages/a/b/c.liquid': '---\nlayout: ""\n---\n{{ context.params.slug }}-{{ context.params.slug2 }}-{{ context.params.slug3 }}',
  'app/views/pages/404.liquid': '---\nlayout: ""\n---\nmissing {{ context.location.pathname }}',
  'app/views/pages/escape.liquid': '---\nlayout: ""\n---\n{{ context.params.x }}|{{ context.params.x | html_safe }}',
  'app/views/pages/broken.liquid': '---\nlayout: ""\n---\nline one\n{{ 1 | divided_by: 0 | no_such }}',
  'app/views/pages/raises.liquid': '---\nlayout: ""\n---\nline one\n{% include "missing/partial" %}',
  'app/views/pages/token.liquid': '---\nlayout: ""\n---\n{{ context.authenticity_token }}',
  'app/views/pages/put-me.liquid': '---\nmethod: put\nlayout: ""\n---\nput done',
  'app/pages/legacy.liquid': '---\nlayout: ""\n---\nlegacy dir',
  'modules/shop/public/views/pages/shop.liquid': '---\nlayout: ""\n---\nshop {% include "modules/shop/badge" %}',
  'modules/shop/public/views/partials/badge.liquid': 'badge',
  'app/views/layouts/document.html.liquid': 'HTML[{{ content_for_layout }}]',
  'app/views/layouts/document.txt.liquid': 'TXT[{{ content_for_layout }}]',
  'app/views/pages/csrf.liquid': '---\nmethod: post\nlayout: ""\n---\n{{ context.csrf_request_valid }}',
  'app/views/pages/cookies.liquid': '---\nlayout: ""\n---\n{{ context.cookies.theme }}|{{ context.cookies.other }}',
  'app/views/pages/notes.txt.liquid': '---\nlayout: document\n---\nnotes',
  'app/views/pages/notes.liquid': '---\nlayout: document\n---\nnotes',
  'app/views/pages/nested-query.liquid': '---\nlayout: ""\n---\n{{ context.params.a.b }}|{{ context.params.list | join: "," }}',
};

let s: Served;
beforeAll(async () => {
  s = await serveApp(files);
});

async function get(path: string, init?: RequestInit) {
  const res = await fetch(`${s.url}${path}`, init);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

describe('page routing over HTTP', () => {
  it('serves index at / with the application layout', async () => {
    expect(await get('/')).toMatchObject({ status: 200, text: '<html><title></title><body>home</body></html>' });
  });

  it('serves nested index, derived slugs and metadata', async () => {
    expect((await get('/blog')).text).toBe('blog index');
    expect((await get('/get-started/hello-world')).text).toBe('<html><title>Hi</title><body>hello</body></html>');
  });

  it('uses an explicit slug and a named layout', async () => {
    expect((await get('/elsewhere/page')).text).toBe('[custom]');
    expect((await get('/custom')).status).toBe(404);
  });

  it('takes the format from the file name, with no layout and a JSON content type', async () => {
    const r = await get('/data.json');
    expect(r).toMatchObject({ status: 200, text: '{"format": "json"}' });
    expect(r.type).toContain('application/json');
  });

  it('fills :params, slug/slug2/slug3, optional and wildcard segments', async () => {
    expect((await get('/projects/7')).text).toBe('7|projects|7');
    expect((await get('/search/Poland')).text).toBe('Poland/');
    expect((await get('/search/Poland/Warsaw')).text).toBe('Poland/Warsaw');
    expect((await get('/tree/a/b/c')).text).toBe('a/b/c');
    expect((await get('/a/b/c')).text).toBe('a-b-c');
  });

  it('routes by method', async () => {
    const r = await get('/submit', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Ann' });
    expect(r).toMatchObject({ status: 200, text: 'posted Ann' });
    expect((await get('/submit')).status).toBe(404);
    expect((await get('/put-me', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_method=put' })).text).toBe('put done');
    const head = await fetch(`${s.url}/blog`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('answers other formats with the html page (html_format_exact_match false)', async () => {
    expect((await get('/blog.txt')).text).toBe('blog index');
  });

  it('renders the app 404 page with status 404', async () => {
    expect(await get('/no/such/page')).toMatchObject({ status: 404, text: 'missing /no/such/page' });
  });

  it('escapes output in html unless html_safe', async () => {
    expect((await get('/escape?x=%3Cb%3E')).text).toBe('&lt;b&gt;|<b>');
  });

  it('serves legacy directories and module pages with module partials', async () => {
    expect((await get('/legacy')).text).toBe('legacy dir');
    expect((await get('/shop')).text).toBe('shop badge');
  });

  it('turns a render error into a 500 naming file and line, logs it, and keeps serving', async () => {
    const r = await get('/raises');
    expect(r.status).toBe(500);
    expect(r.text).toContain('app/views/pages/raises.liquid:5');
    expect(r.text).toContain('missing/partial');
    const logs = s.instance.store.logs.since(0).filter((l) => l.error_type === 'liquid_error');
    expect(logs.at(-1)?.message).toContain('app/views/pages/raises.liquid:5');
    expect(logs.at(-1)?.data.url).toBe('/raises');
    expect((await get('/')).status).toBe(200);
  });

  it('rejects a page with an unknown filter at load, naming file and line, and serves the rest', async () => {
    const problem = s.instance.app().problems.find((p) => p.file === 'app/views/pages/broken.liquid');
    expect(problem?.message).toMatch(/app\/views\/pages\/broken\.liquid:5:\d+ .*no_such/);
    expect((await get('/broken')).status).toBe(404);
  });

  it('starts a session (signed cookie) when a page reads the authenticity token, and keeps it', async () => {
    const plain = await fetch(`${s.url}/blog`);
    expect(plain.headers.get('set-cookie')).toBeNull();
    const first = await fetch(`${s.url}/token`);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^_pos_session=[0-9a-f]+\.[\w-]+; Path=\/; HttpOnly/);
    const token = await first.text();
    expect(token.length).toBeGreaterThan(20);
    const again = await fetch(`${s.url}/token`, { headers: { cookie: cookie.split(';')[0] } });
    expect(await again.text()).toBe(token);
    expect(again.headers.get('set-cookie')).toBeNull();
    const forged = await fetch(`${s.url}/token`, { headers: { cookie: cookie.split(';')[0].replace(/\.[\w-]+$/, '.forged') } });
    expect(await forged.text()).not.toBe(token);
  });

  it('nests query string params the Rails way (a[b]=1, list[]=x)', async () => {
    expect((await get('/nested-query?a[b]=1&list[]=x&list[]=y')).text).toBe('1|x,y');
  });

  it('picks the layout of the page format (document.txt for a txt page)', async () => {
    expect((await get('/notes.txt')).text).toBe('TXT[notes]');
    expect((await get('/notes')).text).toBe('HTML[notes]');
    expect(s.instance.app().problems.filter((p) => /layout/.test(p.message))).toEqual([]);
  });

  it('sets context.csrf_request_valid from the authenticity token on non-GET pages', async () => {
    const first = await fetch(`${s.url}/token`);
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    const token = await first.text();
    const post = (body: string, headers: Record<string, string> = {}) =>
      get('/csrf', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers } });
    expect((await post(`authenticity_token=${encodeURIComponent(token)}`)).text).toBe('true');
    expect((await post('', { 'x-csrf-token': token })).text).toBe('true');
    expect((await post('authenticity_token=forged')).text).toBe('false');
    expect((await get('/csrf', { method: 'POST' })).text).toBe('false');
  });

  it('shows the request cookies in context.cookies', async () => {
    expect((await get('/cookies', { headers: { cookie: 'theme=dark; other=a%20b' } })).text).toBe('dark|a b');
  });

  it('squeezes repeated slashes as Rails routing does (//a/b is /a/b, never host "a")', async () => {
    for (const path of ['//get-started/hello-world', '/get-started//hello-world']) {
      const text = await new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(s.url);
        request({ hostname, port, path }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(`${res.statusCode} ${body}`));
        })
          .on('error', reject)
          .end();
      });
      expect(text, path).toMatch(/^200 .*hello/);
    }
  });

  it('refuses paths with .. (sent raw: fetch would normalise them away)', async () => {
    for (const path of ['/a/../secret', '/a/%2e%2e/secret', '/assets/../app/config.yml']) {
      const status = await new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(s.url);
        request({ hostname, port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status, path).toBe(400);
    }
  });
});

describe('front matter redirect_to', () => {
  it('renders Liquid with the request (docs: /cars?maker=honda -> /category/cars/honda, 301), unescaped', async () => {
    const r = await serveApp({
      'app/views/pages/cars.liquid': "---\nredirect_to: '/category/cars/{{ context.params.maker }}?a=1&b={{ context.params.b }}'\nredirect_code: 301\n---\n",
      'app/views/pages/plain.liquid': '---\nredirect_to: /other-page\n---\n',
      'app/views/pages/tag.liquid': "{% redirect_to '/x/ś?q=%25ok' %}",
      'app/views/pages/bad.liquid': "---\nredirect_to: '/x/{% include \"missing/partial\" %}'\n---\n",
    });
    const res = await fetch(`${r.url}/cars?maker=honda&b=%3Cx%3E`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([301, '/category/cars/honda?a=1&b=<x>']);
    const plain = await fetch(`${r.url}/plain`, { redirect: 'manual' });
    expect([plain.status, plain.headers.get('location')]).toEqual([302, '/other-page']);
    // Non-ASCII from params (Node refuses it raw in a header) is sent percent-encoded, by the tag too.
    const skoda = await fetch(`${r.url}/cars?maker=%C5%A0koda%20Auto`, { redirect: 'manual' });
    expect([skoda.status, skoda.headers.get('location')]).toEqual([301, '/category/cars/%C5%A0koda%20Auto?a=1&b=']);
    const tag = await fetch(`${r.url}/tag`, { redirect: 'manual' });
    expect([tag.status, tag.headers.get('location')]).toEqual([302, '/x/%C5%9B?q=%25ok']);
    const bad = await fetch(`${r.url}/bad`, { redirect: 'manual' });
    expect(bad.status).toBe(500);
    expect(await bad.text()).toContain('app/views/pages/bad.liquid');
  });
});
