import { describe, expect, it } from 'vitest';
import { buildRouter, compileRoute, splitFormat, type Routable } from '../../src/pages/router.js';

interface P extends Routable {
  id: string;
}

function page(id: string, slug: string, format = 'html', method = 'get'): P {
  return { id, method, format, route: compileRoute(slug) };
}

describe('router', () => {
  const pages = [
    page('home', ''),
    page('about', 'about'),
    page('about-json', 'about', 'json'),
    page('project', 'projects/:id'),
    page('projects-new', 'projects/new'),
    page('search', 'search(/:country)(/:city)'),
    page('docs', 'docs/*path'),
    page('files', 'files(/*rest)'),
    page('create', 'items', 'html', 'post'),
    page('nf', '404'),
    page('nf-json', '404', 'json'),
  ];
  const router = buildRouter(pages, { htmlFormatExactMatch: false });
  const id = (method: string, path: string) => router.match(method, path)?.page.id ?? null;

  it('serves the index at / and static slugs', () => {
    expect(id('GET', '/')).toBe('home');
    expect(id('GET', '/about')).toBe('about');
    expect(id('GET', '/about/')).toBe('about');
  });

  it('picks the page by format from the path extension', () => {
    expect(id('GET', '/about.json')).toBe('about-json');
    expect(router.match('GET', '/about.json')?.format).toBe('json');
  });

  it('lets an html page answer other formats unless html_format_exact_match', () => {
    expect(router.match('GET', '/projects/new.csv')).toMatchObject({ format: 'csv' });
    expect(id('GET', '/projects/new.csv')).toBe('projects-new');
    const exact = buildRouter(pages, { htmlFormatExactMatch: true });
    expect(exact.match('GET', '/projects/new.csv')).toBeNull();
  });

  it('prefers a static slug over a pattern and fills named params', () => {
    expect(id('GET', '/projects/new')).toBe('projects-new');
    expect(router.match('GET', '/projects/42')).toMatchObject({ page: { id: 'project' }, params: { id: '42' } });
  });

  it('handles optional segments', () => {
    expect(router.match('GET', '/search')?.params).toEqual({ country: null, city: null });
    expect(router.match('GET', '/search/Poland')?.params).toEqual({ country: 'Poland', city: null });
    expect(router.match('GET', '/search/Poland/Warsaw')?.params).toEqual({ country: 'Poland', city: 'Warsaw' });
  });

  it('matches wildcards, which need at least one segment unless optional', () => {
    expect(router.match('GET', '/docs/a/b/c')?.params).toEqual({ path: 'a/b/c' });
    expect(router.match('GET', '/docs')).toBeNull();
    expect(router.match('GET', '/files')?.params).toEqual({ rest: null });
    expect(router.match('GET', '/files/x/y')?.params).toEqual({ rest: 'x/y' });
  });

  it('routes by method', () => {
    expect(id('POST', '/items')).toBe('create');
    expect(id('GET', '/items')).toBeNull();
  });

  it('does not match deeper paths (slug_exact_match)', () => {
    expect(id('GET', '/about/more')).toBeNull();
  });

  it('finds error pages by status and format', () => {
    expect(router.errorPage(404, 'json')?.id).toBe('nf-json');
    expect(router.errorPage(404, 'csv')?.id).toBe('nf');
    expect(router.errorPage(500, 'html')).toBeNull();
  });

  it('splits a known format extension only', () => {
    expect(splitFormat('/token.json')).toEqual({ slug: 'token', format: 'json' });
    expect(splitFormat('/v1.2')).toEqual({ slug: 'v1.2', format: 'html' });
  });
});
