import { describe, expect, it } from 'vitest';
import { serveApp } from '../helpers/server.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describe('context fields objects.json lists', () => {
  it('gives context.device from the User-Agent, page.layout_name and hcaptcha_site_key', async () => {
    const s = await serveApp({
      'app/views/pages/d.json.liquid': '{{ context.device | json }}',
      'app/views/pages/p.liquid': '---\nlayout: ""\n---\n[{{ context.page.layout_name }}]{{ context.hcaptcha_site_key }}',
    });
    const device = async (ua: string) => (await (await fetch(`${s.url}/d.json`, { headers: { 'user-agent': ua } })).json()) as Record<string, unknown>;
    expect(await device(CHROME)).toMatchObject({ name: 'Chrome', os_name: 'Windows 10', device_type: 'desktop', bot: false, known: true, full_version: '120.0.0' });
    expect(await device(IPHONE)).toMatchObject({ os_name: 'iOS', device_type: 'smartphone', device_brand: 'Apple', bot: false });
    expect(await device(BOT)).toMatchObject({ bot: true, bot_name: 'Googlebot', device_type: 'bot' });
    expect(await (await fetch(`${s.url}/p`)).text()).toBe('[]10000000-ffff-ffff-ffff-000000000001');
  });
});

describe('context.language', () => {
  it('is en by default, ?language= wins and is kept in the session for later pages', async () => {
    const s = await serveApp({
      'app/translations/en.yml': 'en:\n  hi: Hello\n',
      'app/translations/pl.yml': 'pl:\n  hi: Witaj\n',
      'app/views/pages/l.liquid': "{{ context.language }} {{ 'hi' | t }} {{ context.session.language }}",
    });
    expect(await (await fetch(`${s.url}/l`)).text()).toBe('en Hello ');
    const res = await fetch(`${s.url}/l?language=pl`);
    expect(await res.text()).toBe('pl Witaj pl');
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    expect(await (await fetch(`${s.url}/l`, { headers: { cookie } })).text()).toBe('pl Witaj pl');
    expect(await (await fetch(`${s.url}/l?language=en`, { headers: { cookie } })).text()).toBe('en Hello en');
    expect(await (await fetch(`${s.url}/l?language=`)).text()).toBe('en Hello ');
  });
});
