import { toOutput } from '../escape.js';
import { isHash, unwrap } from './values.js';

/**
 * Ruby's URI.encode_www_form_component: letters, digits and `*-._` stay, a space becomes
 * `+`, every other byte is %XX (upper case).
 */
export function encodeFormComponent(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'))
    .map((byte) => {
      const c = String.fromCharCode(byte);
      if (/[*\-.0-9A-Z_a-z]/.test(c)) return c;
      if (c === ' ') return '+';
      return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/**
 * application/x-www-form-urlencoded text for a hash, nested the way Rack reads it back:
 * `{"zoo": [{"xoo": 1}]}` gives `zoo[0][xoo]=1` (brackets written as they are). A nil value
 * gives the bare key, as Ruby's encode_www_form does.
 */
export function encodeForm(value: unknown): string {
  const pairs: string[] = [];
  const walk = (v: unknown, key: string): void => {
    const x = unwrap(v);
    if (Array.isArray(x)) x.forEach((item, i) => walk(item, `${key}[${i}]`));
    else if (isHash(x)) for (const [k, item] of Object.entries(x)) walk(item, `${key}[${encodeFormComponent(k)}]`);
    else if (x === null || x === undefined) pairs.push(key);
    else pairs.push(`${key}=${encodeFormComponent(toOutput(x))}`);
  };
  const top = unwrap(value);
  // An array of [key, value] pairs is Ruby's other accepted form; any other array is indexed.
  const rows = Array.isArray(top) ? top.map(unwrap) : [];
  if (rows.length && rows.every((r) => Array.isArray(r) && r.length === 2)) {
    for (const [k, item] of rows as unknown[][]) walk(item, encodeFormComponent(toOutput(k)));
  } else if (Array.isArray(top)) top.forEach((item, i) => walk(item, String(i)));
  else if (isHash(top)) for (const [k, item] of Object.entries(top)) walk(item, encodeFormComponent(k));
  return pairs.join('&');
}
