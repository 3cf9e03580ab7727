import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

describe('sign_in tag', () => {
  it("stores the docs' user_id in the session and warns that current_user stays null", async () => {
    const i = makeInstance();
    const out = await render("{% sign_in user_id: '12345', timeout_in_minutes: 15 %}{{ context.session.user_id }}|{{ context.current_user }}", {}, { instance: i });
    expect(out).toBe('12345|');
    const [warning] = i.store.logs.since(0, 10, 'warning');
    expect(warning!.message).toMatch(/user 12345 .*no users table.*current_user stays null/);
  });

  it('sign_in_rc is the same tag', async () => {
    expect(await render('{% sign_in_rc user_id: 7 %}{{ context.session.user_id }}')).toBe('7');
  });

  it('rejects a missing user_id and a bad timeout', async () => {
    await expect(render('{% sign_in timeout_in_minutes: 5 %}')).rejects.toThrow(/sign_in: user_id is required/);
    await expect(render("{% sign_in user_id: 1, timeout_in_minutes: 'x' %}")).rejects.toThrow(/timeout_in_minutes must be a positive number, got "x"/);
  });
});

describe('sign_in over HTTP', () => {
  it('a later page sees the user_id in its session', async () => {
    const { serveApp } = await import('../../helpers/server.js');
    const { url } = await serveApp({
      'app/views/pages/login.liquid': "{% sign_in user_id: '42' %}in",
      'app/views/pages/me.liquid': 'me={{ context.session.user_id }}',
    });
    const login = await fetch(`${url}/login`);
    expect(await login.text()).toBe('in');
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${url}/me`, { headers: { cookie } });
    expect(await me.text()).toBe('me=42');
  });
});
