import { FilterError, type FilterThis } from './types.js';
import { toOutput } from '../escape.js';
import { encodeForm } from '../util/form-encode.js';
import { expandTemplate, extractTemplate } from '../util/uri-template.js';
import { asHash, describe, isHash, isNil, unwrap, type Hash } from '../util/values.js';

/**
 * hash | querify. The hash as a query string: `name=Dan&id=1`, keys in the hash's order,
 * text encoded as HTML forms do (space as +); nested hashes and arrays use Rack's brackets.
 */
export function querify(input: unknown): string {
  return encodeForm(asHash('querify', input));
}

/**
 * object | www_form_encode. application/x-www-form-urlencoded text, nested values written
 * as `zoo[0][xoo]=1` so Rack-style servers read them back as they were.
 */
export function www_form_encode(input: unknown): string {
  const value = unwrap(input);
  if (value !== null && value !== undefined && !isHash(value) && !Array.isArray(value)) {
    throw new FilterError('www_form_encode', `input must be a hash or an array, got ${describe(value)}`);
  }
  return encodeForm(value);
}

export const www_form_encode_rc = www_form_encode;

/**
 * template | expand_url_template: params (a hash, or keyword arguments). RFC 6570:
 * `"/search{?city,street}"` with city: "Sydney" gives `/search?city=Sydney`.
 */
export function expand_url_template(this: FilterThis, input: unknown, params?: unknown): string {
  const vars: Hash = { ...asHash('expand_url_template', params, 'params (argument 1)'), ...this.named };
  try {
    return expandTemplate(toOutput(input), vars);
  } catch (err) {
    throw new FilterError('expand_url_template', (err as Error).message);
  }
}

/**
 * url | extract_url_params: template (or an array of templates; the first that matches
 * wins). The template's variables read from the url, nil when none matches.
 */
export function extract_url_params(input: unknown, templates: unknown): Hash | null {
  const t = unwrap(templates);
  if (isNil(t)) throw new FilterError('extract_url_params', 'templates (argument 1) are missing');
  const list = (Array.isArray(t) ? t : [t]).map((x) => toOutput(x));
  const url = toOutput(input);
  try {
    for (const template of list) {
      const found = extractTemplate(url, template);
      if (found) return found;
    }
  } catch (err) {
    throw new FilterError('extract_url_params', (err as Error).message);
  }
  return null;
}
