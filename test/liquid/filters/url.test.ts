import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

async function json(source: string, vars: Record<string, unknown> = {}): Promise<unknown> {
  return JSON.parse(await render(source, vars));
}

describe('querify (docs)', () => {
  it('keeps the hash order', async () => {
    expect(await render(`{{ hash | querify }}`, { hash: { name: 'Dan', id: 1 } })).toBe('name=Dan&id=1');
  });
  it('encodes like an HTML form and nests with brackets', async () => {
    expect(await render(`{{ h | querify }}`, { h: { q: 'a b&c~', f: { x: [1, 2] }, n: null } })).toBe('q=a+b%26c%7E&f[x][0]=1&f[x][1]=2&n');
  });
  it('rejects an array', async () => {
    await expect(render(`{{ a | querify }}`, { a: [1] })).rejects.toThrow(/querify: input must be a hash/);
  });
});

describe('www_form_encode / www_form_encode_rc', () => {
  it('docs example input (the documented 555/999 values are not in the input)', async () => {
    expect(await render(`{% assign object = '{"foo": "bar", "zoo": [{ "xoo": 1 }, {"xoo": 2}]}' | parse_json %}{{ object | www_form_encode }}`)).toBe(
      'foo=bar&zoo[0][xoo]=1&zoo[1][xoo]=2',
    );
  });
  it('an array of pairs', async () => {
    expect(await render(`{{ a | www_form_encode_rc }}`, { a: [['a', 1], ['b', 'x y']] })).toBe('a=1&b=x+y');
  });
  it('rejects text', async () => {
    await expect(render(`{{ 'x' | www_form_encode }}`)).rejects.toThrow(/www_form_encode: input must be a hash or an array/);
  });
});

describe('expand_url_template (docs and RFC 6570)', () => {
  it('docs: path segments', async () => {
    expect(await render(`{% assign template = "/search/{city}/{street}" %}{{ template | expand_url_template: city: "Sydney", street: "BlueRoad" }}`)).toBe(
      '/search/Sydney/BlueRoad',
    );
  });
  it('docs: query', async () => {
    expect(await render(`{% assign template = "/search{?city,street}" %}{{ template | expand_url_template: city: "Sydney", street: "BlueRoad" }}`)).toBe(
      '/search?city=Sydney&street=BlueRoad',
    );
  });
  const vars = {
    var: 'value',
    hello: 'Hello World!',
    path: '/foo/bar',
    list: ['red', 'green', 'blue'],
    keys: { semi: ';', dot: '.', comma: ',' },
    empty: '',
  };
  const rfc: [string, string][] = [
    ['{var}', 'value'],
    ['{hello}', 'Hello%20World%21'],
    ['{+hello}', 'Hello%20World!'],
    ['{+path}/here', '/foo/bar/here'],
    ['{#path}', '#/foo/bar'],
    ['X{.var}', 'X.value'],
    ['{/var,empty}', '/value/'],
    ['{;list*}', ';list=red;list=green;list=blue'],
    ['{?keys*}', '?semi=%3B&dot=.&comma=%2C'],
    ['{?var:3,undef}', '?var=val'],
    ['{&empty}', '&empty='],
    ['{list}', 'red,green,blue'],
    ['{keys}', 'semi,%3B,dot,.,comma,%2C'],
    ['{/list*}', '/red/green/blue'],
  ];
  for (const [template, expected] of rfc) {
    it(template, async () => {
      expect(await render(`{{ t | expand_url_template: vars }}`, { t: template, vars })).toBe(expected);
    });
  }
  it('a malformed expression is named', async () => {
    await expect(render(`{{ '{a b}' | expand_url_template: x: 1 }}`)).rejects.toThrow(/expand_url_template: invalid variable "a b"/);
  });
});

describe('extract_url_params (docs)', () => {
  it('path segments', async () => {
    expect(await json(`{% assign template = "/search/{city}/{street}" %}{{ "/search/Sydney/BlueRoad" | extract_url_params: template }}`)).toEqual({
      city: 'Sydney',
      street: 'BlueRoad',
    });
  });
  it('exploded path', async () => {
    expect(await json(`{% assign template = "/{first}{/second*}" %}{{ "/a/b/c/" | extract_url_params: template }}`)).toEqual({ first: 'a', second: ['b', 'c'] });
  });
  it('query', async () => {
    expect(await json(`{% assign template = "/{first}/{second}{?limit,offset}" %}{{ "/my/path?limit=10&offset=0" | extract_url_params: template }}`)).toEqual({
      first: 'my',
      second: 'path',
      limit: '10',
      offset: '0',
    });
  });
  it('reserved expansion keeps + and /', async () => {
    const setup = `{% assign template = "/search/{+query}" %}{% assign params = "/search/this+is+my+query" | extract_url_params: template %}`;
    expect(await json(`${setup}{{ params }}`)).toEqual({ query: 'this+is+my+query' });
    expect(await json(`${setup}{{ params.query | split: '+' | json }}`)).toEqual(['this', 'is', 'my', 'query']);
    expect(await json(`{% assign template = "{+location}/listings" %}{{ "/Warsaw/Poland/listings" | extract_url_params: template }}`)).toEqual({
      location: '/Warsaw/Poland',
    });
  });
  it('percent-decodes, fills missing variables with nil, tries templates in order', async () => {
    expect(await json(`{{ '/a%20b' | extract_url_params: '/{x}{?page}' }}`)).toEqual({ x: 'a b', page: null });
    expect(await json(`{{ '/users/7' | extract_url_params: list }}`, { list: ['/posts/{id}', '/users/{user_id}'] })).toEqual({ user_id: '7' });
    expect(await render(`{{ '/other' | extract_url_params: '/users/{id}' | json }}`)).toBe('null');
  });
});
