import type { Served } from './server.js';

/** A tiny browser for form tests: keeps the session cookie, reads hidden inputs, posts forms. */
export class Browser {
  cookie = '';
  /** The last page opened: sent as Referer, as a browser does when a form on it is posted. */
  page = '/';

  constructor(private readonly served: Served) {}

  async get(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await fetch(`${this.served.url}${path}`, { headers: this.headers(), redirect: 'manual' });
    this.keepCookie(res);
    this.page = path;
    return { status: res.status, html: await res.text(), res };
  }

  /** Posts fields form-encoded (or multipart / JSON) the way a browser or fetch would. */
  async post(path: string, fields: Record<string, string | string[]>, opts: { as?: 'urlencoded' | 'multipart' | 'json'; headers?: Record<string, string>; method?: string } = {}): Promise<Response> {
    const as = opts.as ?? 'urlencoded';
    let body: string | FormData;
    const headers: Record<string, string> = { ...this.headers(), referer: `${this.served.url}${this.page}`, ...opts.headers };
    if (as === 'json') {
      body = JSON.stringify(fields);
      headers['content-type'] = 'application/json';
    } else {
      const pairs = Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]));
      if (as === 'multipart') {
        body = new FormData();
        for (const [k, v] of pairs) body.append(k, v);
      } else {
        body = new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
    }
    const res = await fetch(`${this.served.url}${path}`, { method: opts.method ?? 'POST', body, headers, redirect: 'manual' });
    this.keepCookie(res);
    return res;
  }

  private headers(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  private keepCookie(res: Response): void {
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
  }
}

/** Hidden inputs of the first <form> in a page, by name. */
export function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?>/g)) out[m[1]] = decodeEntities(m[2] ?? '');
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Runs GraphQL through the admin endpoint and returns data (fails the test on errors). */
export async function graphql(served: Served, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await served.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (json.errors) throw new Error(json.errors.map((e) => e.message).join('; '));
  return json.data;
}

export async function recordsOf(served: Served, table: string): Promise<Array<{ id: string; properties: Record<string, unknown>; deleted_at: string | null }>> {
  const data = await graphql(served, `query($t: String) { records(per_page: 100, filter: { table: { value: $t } }) { results { id properties deleted_at } } }`, { t: table });
  return data.records.results;
}
