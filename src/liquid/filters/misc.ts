import { Drop } from 'liquidjs';
import { FilterError, type FilterThis } from './types.js';
import { SafeString, toOutput } from '../escape.js';
import { getState } from '../state.js';
import { CalendarDate } from '../util/ruby-time.js';
import { parseUserAgent, type ParsedUserAgent } from '../util/useragent.js';
import { embedCode, videoParams, type VideoParams } from '../util/video.js';
import { qrCodeSvg } from '../util/qr-svg.js';
import { verifyTemporaryToken } from '../util/temporary-token.js';
import { isPgpKey } from '../util/pgp.js';
import { asHash, describe, isNil, unwrap } from '../util/values.js';

function optionsHash(filter: string, v: unknown, named: Record<string, unknown>): Record<string, unknown> {
  return { ...asHash(filter, v, 'options (argument 1)'), ...named };
}

/** The Ruby class name platformOS reports: String, Integer, Float, Hash, Array, NilClass, TrueClass... */
export function type_of(input: unknown): string {
  const v = unwrap(input);
  if (v === null || v === undefined) return 'NilClass';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  if (typeof v === 'bigint') return 'Integer';
  if (typeof v === 'boolean') return v ? 'TrueClass' : 'FalseClass';
  if (Array.isArray(v)) return 'Array';
  if (v instanceof CalendarDate) return 'Date';
  if (v instanceof Date) return 'ActiveSupport::TimeWithZone';
  if (v instanceof Drop) return 'Liquid::Drop';
  return 'Hash';
}

/** 'Mozilla/5.0 ...' | useragent -> {device, family, os, version} (Ruby user_agent_parser's hash). */
export function useragent(input: unknown): ParsedUserAgent {
  return parseUserAgent(toOutput(input));
}

/** A YouTube, Vimeo or Dailymotion URL -> {provider, url, video_id, embed_url, embed_code}; nil for others. */
export function video_params(input: unknown): VideoParams | null {
  return videoParams(toOutput(input));
}

/** A video URL -> an iframe player (html_safe) with the options as attributes; '' for unsupported URLs. */
export function videoify(this: FilterThis, input: unknown = '', options?: unknown): SafeString {
  const attrs = optionsHash('videoify', options, this.named);
  const video = videoParams(toOutput(input));
  if (!video) return new SafeString('');
  return new SafeString(embedCode(video.embed_url, Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, toOutput(v)]))));
}

/**
 * url | url_to_qrcode_svg: color: '000', module_size: 11, shape_rendering: 'crispEdges',
 * viewbox: false, standalone: true, svg_attributes: {} -> SVG markup (html_safe).
 */
export function url_to_qrcode_svg(this: FilterThis, input: unknown, options?: unknown): SafeString {
  const o = optionsHash('url_to_qrcode_svg', options, this.named);
  const text = toOutput(input);
  if (text === '') throw new FilterError('url_to_qrcode_svg', 'url (input) is empty');
  const moduleSize = isNil(o.module_size) ? 11 : Number(unwrap(o.module_size));
  if (!Number.isInteger(moduleSize) || moduleSize < 1) {
    throw new FilterError('url_to_qrcode_svg', `module_size must be a whole number above 0, got ${describe(o.module_size)}`);
  }
  const svgAttributes = asHash('url_to_qrcode_svg', o.svg_attributes, 'svg_attributes');
  try {
    return new SafeString(qrCodeSvg(text, {
      color: isNil(o.color) ? '000' : toOutput(o.color).replace(/^#/, ''),
      moduleSize,
      shapeRendering: isNil(o.shape_rendering) ? 'crispEdges' : toOutput(o.shape_rendering),
      viewbox: unwrap(o.viewbox) === true,
      standalone: unwrap(o.standalone) !== false,
      svgAttributes: Object.fromEntries(Object.entries(svgAttributes).map(([k, v]) => [k, toOutput(v)])),
    }));
  } catch (err) {
    throw new FilterError('url_to_qrcode_svg', `cannot encode the url as a QR code: ${(err as Error).message}`);
  }
}

/**
 * hCaptcha's test response token. posemu is offline, so the spam_protection tag renders
 * hCaptcha's test site key, whose widget always answers with this token; verifying it is what
 * hCaptcha's test secret would do.
 */
const HCAPTCHA_TEST_RESPONSE = '10000000-aaaa-bbbb-cccc-000000000001';

/** context.params | hcaptcha -> whether params['h-captcha-response'] is a passed challenge. */
export function hcaptcha(input: unknown): boolean {
  const params = unwrap(input);
  if (!params || typeof params !== 'object' || Array.isArray(params)) {
    throw new FilterError('hcaptcha', `params (input) must be a hash, got ${describe(input)}`);
  }
  return (params as Record<string, unknown>)['h-captcha-response'] === HCAPTCHA_TEST_RESPONSE;
}

/**
 * key | verify_access_key. There is no Partner Portal offline: the instance's access key is
 * the constant POSEMU_ACCESS_KEY (`posemu constants set`), so apps can exercise both paths.
 * A hash, or a key while the constant is unset, is false.
 */
export function verify_access_key(this: FilterThis, input: unknown): boolean {
  const key = unwrap(input);
  if (isNil(key) || typeof key === 'object') return false;
  const expected = getState(this.context).services.constants().POSEMU_ACCESS_KEY;
  return expected !== undefined && expected !== '' && String(key) === expected;
}

/** token | is_token_valid: user_id -> whether it is this instance's unexpired temporary token for the user. */
export function is_token_valid(this: FilterThis, input: unknown, userId: unknown): boolean {
  const id = unwrap(userId);
  if (isNil(id) || id === '') return false;
  if (!(typeof id === 'number' && Number.isInteger(id)) && !(typeof id === 'string' && /^\d+$/.test(id))) {
    throw new FilterError('is_token_valid', `user_id (argument 1) must be a whole number, got ${describe(userId)}`);
  }
  const token = unwrap(input);
  if (typeof token !== 'string' || token === '') return false;
  return verifyTemporaryToken(getState(this.context).services.secret, token, String(id));
}

/** text | is_gpg_valid -> whether it is an ASCII-armored OpenPGP public or private key block. */
export function is_gpg_valid(input: unknown): boolean {
  const v = unwrap(input);
  return typeof v === 'string' && isPgpKey(v);
}

/** Ruby's URI::MailTo::EMAIL_REGEXP (the HTML5 definition of an email address). */
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** 'john@example.com' | is_email_valid -> true; 'john@' -> false; anything not a string is false. */
export function is_email_valid(input: unknown): boolean {
  const v = unwrap(input);
  return typeof v === 'string' && EMAIL.test(v);
}
