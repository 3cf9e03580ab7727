import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';
import { createTemporaryToken } from '../../../src/liquid/util/temporary-token.js';

describe('type_of', () => {
  it('docs example: a parsed JSON object is a Hash', async () => {
    expect(await render(`{% assign variable_type = '{ "name": "foo", "bar": {} }' | parse_json | type_of %}{{ variable_type }}`)).toBe('Hash');
  });
  it('Ruby class names', async () => {
    const vars = { s: 'x', i: 3, f: 1.5, a: [1], t: true, n: null, time: new Date() };
    expect(await render(`{{ s | type_of }} {{ i | type_of }} {{ f | type_of }} {{ a | type_of }} {{ t | type_of }} {{ false | type_of }} {{ n | type_of }} {{ missing | type_of }}`, vars))
      .toBe('String Integer Float Array TrueClass FalseClass NilClass NilClass');
    expect(await render(`{{ 'x' | html_safe | type_of }} {{ '2010-01-01' | to_date | type_of }} {{ 'now' | to_time | type_of }}`)).toBe('String Date ActiveSupport::TimeWithZone');
  });
});

describe('useragent', () => {
  it('docs example shape (Firefox 47 on Windows 7)', async () => {
    const ua = 'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:47.0) Gecko/20100101 Firefox/47.0';
    expect(JSON.parse(await render(`{{ ua | useragent | json }}`, { ua }))).toEqual({
      device: { family: 'Other', model: 'Other', brand: null },
      family: 'Firefox',
      os: { version: null, family: 'Windows 7' },
      version: { version: '47.0', major: '47', minor: '0', patch: null },
    });
  });
  it('mobile devices and unknown agents', async () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/604.1';
    const out = JSON.parse(await render(`{{ ua | useragent | json }}`, { ua: iphone }));
    expect(out.family).toBe('Mobile Safari');
    expect(out.os).toEqual({ family: 'iOS', version: { version: '16.5', major: '16', minor: '5', patch: null } });
    expect(out.device).toEqual({ family: 'iPhone', model: 'iPhone', brand: 'Apple' });
    expect(JSON.parse(await render(`{{ '' | useragent | json }}`))).toEqual({
      device: { family: 'Other', model: 'Other', brand: null }, family: 'Other', os: { version: null, family: 'Other' }, version: null,
    });
  });
});

describe('video_params / videoify', () => {
  it('docs example: YouTube', async () => {
    expect(JSON.parse(await render(`{{ 'https://www.youtube.com/watch?v=8N_tupPBtWQ' | video_params | json }}`))).toEqual({
      provider: 'YouTube',
      url: 'https://www.youtube.com/watch?v=8N_tupPBtWQ',
      video_id: '8N_tupPBtWQ',
      embed_url: 'https://www.youtube.com/embed/8N_tupPBtWQ',
      embed_code: '<iframe src="https://www.youtube.com/embed/8N_tupPBtWQ" frameborder="0" allowfullscreen="allowfullscreen"></iframe>',
    });
  });
  it('other URL forms and providers; unsupported gives nil', async () => {
    expect(await render(`{{ 'https://youtu.be/8N_tupPBtWQ?t=3' | video_params | map: 'video_id' }}`)).toContain('8N_tupPBtWQ');
    expect(await render(`{% assign v = 'https://vimeo.com/76979871' | video_params %}{{ v.provider }} {{ v.embed_url }}`)).toBe('Vimeo https://player.vimeo.com/video/76979871');
    expect(await render(`{% assign v = 'https://www.dailymotion.com/video/x7tgad0' | video_params %}{{ v.provider }} {{ v.video_id }}`)).toBe('Dailymotion x7tgad0');
    expect(await render(`[{{ 'https://example.com/movie.mp4' | video_params }}]`)).toBe('[]');
  });
  it('videoify: an iframe with the options as attributes, html_safe; "" for others', async () => {
    expect(await render(`{{ 'https://vimeo.com/1' | videoify: width: 640, height: '360' }}`, {}, { format: 'html' }))
      .toBe('<iframe src="https://player.vimeo.com/video/1" frameborder="0" allowfullscreen="allowfullscreen" width="640" height="360"></iframe>');
    expect(await render(`[{{ 'nope' | videoify }}]`)).toBe('[]');
    await expect(render(`{{ 'https://vimeo.com/1' | videoify: 'wide' }}`)).rejects.toThrow(/videoify: options \(argument 1\) must be a hash/);
  });
});

describe('url_to_qrcode_svg', () => {
  it('docs example: 29 modules of 11 px (level H), as the 319 px svg around it implies', async () => {
    const svg = await render(`{{ 'https://example.com' | url_to_qrcode_svg: color: '000', module_size: 11 }}`, {}, { format: 'html' });
    expect(svg).toMatch(/^<svg version="1.1" xmlns="http:\/\/www.w3.org\/2000\/svg" width="319" height="319" shape-rendering="crispEdges"><path d="M0 0h77v11h-77z/);
    expect(svg).toMatch(/fill="#000"\/><\/svg>$/);
  });
  it('options: viewbox, standalone, color, svg_attributes, module_size', async () => {
    const svg = await render(`{{ 'hi' | url_to_qrcode_svg: viewbox: true, color: '#f00', module_size: 2, svg_attributes: attrs }}`, { attrs: { class: 'qr' } });
    expect(svg).toMatch(/^<svg version="1.1" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 42 42" shape-rendering="crispEdges" class="qr"><path d="M0 0h14v2h-14z/);
    expect(svg).toContain('fill="#f00"');
    expect(await render(`{{ 'hi' | url_to_qrcode_svg: standalone: false }}`)).toMatch(/^<path d="[^"]+" fill="#000"\/>$/);
  });
  it('errors', async () => {
    await expect(render(`{{ '' | url_to_qrcode_svg }}`)).rejects.toThrow(/url_to_qrcode_svg: url \(input\) is empty/);
    await expect(render(`{{ 'x' | url_to_qrcode_svg: module_size: 0 }}`)).rejects.toThrow(/url_to_qrcode_svg: module_size must be a whole number above 0/);
    await expect(render(`{{ t | url_to_qrcode_svg }}`, { t: 'x'.repeat(3000) })).rejects.toThrow(/url_to_qrcode_svg: cannot encode the url as a QR code/);
  });
});

describe('hcaptcha', () => {
  it('docs example: passes for the response hCaptcha test keys give', async () => {
    const params = { 'h-captcha-response': '10000000-aaaa-bbbb-cccc-000000000001' };
    expect(await render(`{{ context.params | hcaptcha }}`, { context: { params } })).toBe('true');
    expect(await render(`{{ p | hcaptcha }} {{ e | hcaptcha }}`, { p: { 'h-captcha-response': 'forged' }, e: {} })).toBe('false false');
    await expect(render(`{{ 'x' | hcaptcha }}`)).rejects.toThrow(/hcaptcha: params \(input\) must be a hash/);
  });
});

describe('verify_access_key', () => {
  it('true only for the POSEMU_ACCESS_KEY constant', async () => {
    const instance = makeInstance();
    expect(await render(`{% assign access_key = '12345' %}{{ access_key | verify_access_key }}`, {}, { instance })).toBe('false');
    instance.store.constants.set('POSEMU_ACCESS_KEY', '12345');
    expect(await render(`{% assign access_key = '12345' %}{{ access_key | verify_access_key }}`, {}, { instance })).toBe('true');
    expect(await render(`{{ '1234' | verify_access_key }} {{ h | verify_access_key }} {{ 12345 | verify_access_key }}`, { h: { key: '12345' } }, { instance })).toBe('false false true');
  });
});

describe('is_token_valid', () => {
  it('docs example: a made-up token is not valid', async () => {
    expect(await render(`{% assign token = '1234' %}{{ token | is_token_valid: context.current_user.id }}`)).toBe('false');
  });
  it('tokens this instance made, for that user, until they expire', async () => {
    const instance = makeInstance();
    const token = createTemporaryToken(instance.secret, 42);
    const old = createTemporaryToken(instance.secret, 42, 1, Date.now() - 2 * 3_600_000);
    const vars = { token, old, other: createTemporaryToken('another secret', 42) };
    expect(await render(`{{ token | is_token_valid: 42 }} {{ token | is_token_valid: '42' }} {{ token | is_token_valid: 7 }} {{ old | is_token_valid: 42 }} {{ other | is_token_valid: 42 }}`, vars, { instance }))
      .toBe('true true false false false');
  });
  it('user_id must be whole', async () => {
    await expect(render(`{{ 'x' | is_token_valid: 'abc' }}`)).rejects.toThrow(/is_token_valid: user_id \(argument 1\) must be a whole number, got "abc"/);
  });
});

const KEY = `-----BEGIN PGP PUBLIC KEY BLOCK-----

mDMEaxMgbxYJKwYBBAHaRw8BAQdA30cCPZkersLUv8MNvJ039+95QrAaqVfR0AAh
e38w79K0HlBvc2VtdSBUZXN0IDx0ZXN0QGV4YW1wbGUuY29tPoiQBBMWCAA4FiEE
B8bmWreG/tk8qbUpEPKN4di1DQIFAmsTIG8CGwMFCwkIBwIGFQoJCAsCBBYCAwEC
HgECF4AACgkQEPKN4di1DQIYogD/UIXBspOXXMlvW0OC2C5k4tbHfHzkGlOaRDTn
CBK18N8BAMLx4G6PrWcwPVJYKsO7p+t3CwArgC1fIztkmRjVGA8P
=77qa
-----END PGP PUBLIC KEY BLOCK-----
`;

describe('is_gpg_valid', () => {
  it('an exported public key is valid', async () => {
    expect(await render(`{{ key | is_gpg_valid }}`, { key: KEY })).toBe('true');
    expect(await render(`{{ key | is_gpg_valid }}`, { key: KEY.replace('\n\n', '\nVersion: GnuPG\n\n') })).toBe('true');
  });
  it('damaged or other text is not', async () => {
    const vars = { bad: KEY.replace('mDME', 'mDMF'), crc: KEY.replace('=77qa', '=AAAA'), cut: KEY.slice(0, 200), text: '...' };
    expect(await render(`{{ bad | is_gpg_valid }} {{ crc | is_gpg_valid }} {{ cut | is_gpg_valid }} {{ text | is_gpg_valid }} {{ 5 | is_gpg_valid }}`, vars))
      .toBe('false false false false false');
  });
});

describe('is_email_valid (docs examples)', () => {
  it('valid and invalid addresses', async () => {
    expect(await render(`{% assign valid = 'john@example.com' | is_email_valid %}{{ valid }}`)).toBe('true');
    expect(await render(`{% assign valid = 'john@' | is_email_valid %}{{ valid }}`)).toBe('false');
    expect(await render(`{{ 'a.b+c@sub.example.co' | is_email_valid }} {{ 'a b@x.com' | is_email_valid }} {{ '@x.com' | is_email_valid }} {{ nil | is_email_valid }} {{ 5 | is_email_valid }}`))
      .toBe('true false false false false');
  });
});
