import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

describe('print', () => {
  it('prints without escaping, even in html (the docs example)', async () => {
    const source = `{% liquid
  assign invokable_script = "<script>alert('I will be executed')</script>"
  assign malicious_script = "<script>alert('I should be escaped')</script>"
%}
{% capture result %}{{ malicious_script }}{{ invokable_script | html_safe }}{% endcapture %}
{% print result %}`;
    const out = (await render(source, {}, { format: 'html' })).trim();
    expect(out).toBe("&lt;script&gt;alert(&#39;I should be escaped&#39;)&lt;/script&gt;<script>alert('I will be executed')</script>");
  });

  it('prints hashes as JSON and accepts filters', async () => {
    expect(await render('{% print h %}|{% print "a" | upcase %}', { h: { a: 1 } }, { format: 'html' })).toBe('{"a":1}|A');
    await expect(render('{% print %}')).rejects.toThrow(/print: value missing/);
  });
});

describe('context', () => {
  it('sets context.language for the rest of the render', async () => {
    expect(await render("{{ context.language }}{% context language: 'de' %}{{ context.language }}{% context_rc language: 'pl' %}{{ context.language }}")).toBe('endepl');
  });

  it('refuses unknown options and blank languages', async () => {
    await expect(render("{% context lang: 'de' %}")).rejects.toThrow(/context: unknown option "lang" \(supported: language\)/);
    await expect(render("{% context language: '' %}")).rejects.toThrow(/context: language is blank/);
  });
});

describe('theme_render_rc', () => {
  const files = {
    // Quoted: unquoted, `default: "custom"` would make the entry a YAML mapping.
    'app/config.yml': 'theme_search_paths:\n  - \'theme/{{ context.constants.MY_THEME | default: "custom" }}\'\n  - theme/simple\n',
    'app/views/partials/theme/simple/product.liquid': 'simple {{ product }} {{ size }}',
    'app/views/partials/theme/simple/card.liquid': 'card',
    'app/views/partials/theme/custom/card.liquid': 'custom card',
  };

  it('renders the first partial found along theme_search_paths (which are Liquid)', async () => {
    const instance = makeInstance(files);
    expect(await render("{% theme_render_rc 'card' %}", {}, { instance })).toBe('custom card');
    expect(await render("{% theme_render_rc 'product' with 'shoe', size: 9 %}", {}, { instance })).toBe('simple shoe 9');
  });

  it('says where it looked when nothing is found', async () => {
    const instance = makeInstance(files);
    await expect(render("{% theme_render_rc 'nope' %}", {}, { instance })).rejects.toThrow(/Partial not found: "nope" \(can't find partial in theme_search_paths: tried theme\/custom\/nope, theme\/simple\/nope\)/);
  });

  it('without theme_search_paths renders the partial by its name', async () => {
    const instance = makeInstance({ 'app/views/partials/plain.liquid': 'plain' });
    expect(await render("{% theme_render_rc 'plain' %}", {}, { instance })).toBe('plain');
  });
});

describe('spam_protection', () => {
  it('prints the widget of each strategy and warns once that nothing is verified locally', async () => {
    const instance = makeInstance();
    const v2 = await render('{% spam_protection "recaptcha_v2" %}{% spam_protection %}', {}, { instance, format: 'html' });
    expect(v2).toContain('<div class="g-recaptcha" data-sitekey="');
    expect(v2).toContain('https://www.google.com/recaptcha/api.js');
    const v3 = await render('{% spam_protection "recaptcha_v3", action: "signup" %}', {}, { instance });
    expect(v3).toContain("grecaptcha.execute('");
    expect(v3).toContain("{action:'signup'}");
    const attrs = { 'data-size': 'compact', 'data-callback': 'cb' };
    const h = await render("{% spam_protection 'hcaptcha', html_attributes: attrs, invisible: true %}", { attrs }, { instance });
    expect(h).toMatch(/<div class="h-captcha" data-sitekey="[^"]+" data-size="invisible" data-size="compact" data-callback="cb"><\/div>/);
    const warnings = instance.store.logs.since(0).filter((e) => e.error_type === 'warning');
    expect(warnings.map((w) => w.message.split(':')[0])).toEqual(['spam_protection recaptcha_v2', 'spam_protection recaptcha_v3', 'spam_protection hcaptcha']);
    expect(warnings[0].message).toContain('every submission passes locally');
  });

  it('refuses unknown strategies and bad v3 actions', async () => {
    await expect(render('{% spam_protection "captcha" %}')).rejects.toThrow(/spam_protection: unknown strategy "captcha" \(supported: recaptcha_v2, recaptcha_v3, hcaptcha\)/);
    await expect(render('{% spam_protection "recaptcha_v3", action: "sign up!" %}')).rejects.toThrow(/action must be alphanumeric/);
  });
});
