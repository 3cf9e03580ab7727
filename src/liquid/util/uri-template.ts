import { toOutput } from '../escape.js';
import { isHash, unwrap, type Hash } from './values.js';

/*
 * RFC 6570 URI templates, as platformOS's expand_url_template and extract_url_params use them
 * (Ruby's Addressable::Template). Expansion follows the RFC (all four levels); extraction is
 * Addressable's: one anchored regular expression built from the template, lazy per variable,
 * values percent-decoded, exploded lists split on the operator's joiner.
 */

interface OperatorSpec {
  first: string;
  sep: string;
  named: boolean;
  ifEmpty: string;
  allowReserved: boolean;
}

const OPERATORS: Record<string, OperatorSpec> = {
  '': { first: '', sep: ',', named: false, ifEmpty: '', allowReserved: false },
  '+': { first: '', sep: ',', named: false, ifEmpty: '', allowReserved: true },
  '#': { first: '#', sep: ',', named: false, ifEmpty: '', allowReserved: true },
  '.': { first: '.', sep: '.', named: false, ifEmpty: '', allowReserved: false },
  '/': { first: '/', sep: '/', named: false, ifEmpty: '', allowReserved: false },
  ';': { first: ';', sep: ';', named: true, ifEmpty: '', allowReserved: false },
  '?': { first: '?', sep: '&', named: true, ifEmpty: '=', allowReserved: false },
  '&': { first: '&', sep: '&', named: true, ifEmpty: '=', allowReserved: false },
};

const EXPRESSION = /\{([+#./;?&=,!@|]?)([^}]*)\}/g;

interface VarSpec {
  name: string;
  explode: boolean;
  prefix: number | null;
}

function parseExpression(operator: string, list: string): { op: OperatorSpec; vars: VarSpec[] } {
  const op = OPERATORS[operator];
  if (!op) throw new Error(`operator ${JSON.stringify(operator)} is reserved by RFC 6570 and not supported`);
  const vars = list.split(',').map((spec) => {
    const m = /^([A-Za-z0-9_.%]+)(\*|:(\d{1,4}))?$/.exec(spec);
    if (!m) throw new Error(`invalid variable ${JSON.stringify(spec)} in template expression {${operator}${list}}`);
    return { name: m[1], explode: m[2] === '*', prefix: m[3] ? Number(m[3]) : null };
  });
  return { op, vars };
}

function encode(text: string, allowReserved: boolean): string {
  const keep = allowReserved ? /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/ : /[A-Za-z0-9\-._~]/;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (allowReserved && c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) out += c;
    else if (keep.test(c)) out += c;
    else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (ch.length === 2) i++;
      out += Array.from(Buffer.from(ch, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    }
  }
  return out;
}

/** Expands a template with the given variables (RFC 6570 section 3). */
export function expandTemplate(template: string, vars: Hash): string {
  return template.replace(EXPRESSION, (_whole, operator: string, list: string) => {
    const { op, vars: specs } = parseExpression(operator, list);
    const parts: string[] = [];
    for (const spec of specs) {
      const part = expandVar(op, spec, unwrap(vars[spec.name]));
      if (part !== null) parts.push(part);
    }
    return parts.length ? op.first + parts.join(op.sep) : '';
  });
}

function expandVar(op: OperatorSpec, spec: VarSpec, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const enc = (s: string) => encode(s, op.allowReserved);
  const named = (text: string, raw: string) => (op.named ? (raw === '' ? spec.name + op.ifEmpty : `${spec.name}=${text}`) : text);
  if (Array.isArray(value) || isHash(value)) {
    const entries: [string, string][] = Array.isArray(value)
      ? value.map((v) => ['', toOutput(v)])
      : Object.entries(value).map(([k, v]) => [k, toOutput(v)]);
    if (entries.length === 0) return null;
    const isList = Array.isArray(value);
    if (!spec.explode) {
      const joined = entries.map(([k, v]) => (isList ? enc(v) : `${enc(k)},${enc(v)}`)).join(',');
      return op.named ? `${spec.name}=${joined}` : joined;
    }
    return entries
      .map(([k, v]) => {
        if (!isList) return op.named && v === '' ? enc(k) + op.ifEmpty : `${enc(k)}=${enc(v)}`;
        return named(enc(v), v);
      })
      .join(op.sep);
  }
  let text = toOutput(value);
  if (spec.prefix !== null) text = Array.from(text).slice(0, spec.prefix).join('');
  return named(enc(text), text);
}

const UNRESERVED = '(?:[A-Za-z0-9\\-._~]|%[a-fA-F0-9]{2})';
const UNRESERVED_NO_DOT = '(?:[A-Za-z0-9\\-_~]|%[a-fA-F0-9]{2})';
const RESERVED = "(?:[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]|%[a-fA-F0-9]{2})";

function groupFor(operator: string): string {
  switch (operator) {
    case '+':
    case '#':
      return `${RESERVED}*?`;
    case '.':
      return `${UNRESERVED_NO_DOT}*?`;
    case ';':
      return `${UNRESERVED}*=?${UNRESERVED}*?`;
    case '?':
    case '&':
      return `${UNRESERVED}*=${UNRESERVED}*?`;
    default:
      return `${UNRESERVED}*?`;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Ruby's String#split: trailing empty pieces are dropped. */
function rubySplit(text: string, sep: string): string[] {
  const parts = text.split(sep);
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Reads the variables of `template` out of `uri`, or returns null when the uri does not match.
 * Variables the uri leaves out are present with nil.
 */
export function extractTemplate(uri: string, template: string): Hash | null {
  const expressions: { operator: string; vars: VarSpec[] }[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(EXPRESSION)) {
    source += escapeRegExp(template.slice(last, m.index));
    last = m.index! + m[0].length;
    const operator = m[1];
    const { op, vars } = parseExpression(operator, m[2]);
    expressions.push({ operator, vars });
    const group = groupFor(operator);
    const joiner = escapeRegExp(op.sep);
    const combined = vars.map((v) => (v.explode ? `(${group}(?:${joiner}?${group})*)?` : `(${group})?`)).join(`${joiner}?`);
    source += `(?:|${escapeRegExp(op.first)}${combined})`;
  }
  source += escapeRegExp(template.slice(last));
  const match = new RegExp(`^${source}$`).exec(uri);
  if (!match) return null;
  const mapping: Hash = {};
  if (uri === template) return mapping;
  let index = 1;
  for (const { operator, vars } of expressions) {
    const op = OPERATORS[operator];
    for (const spec of vars) {
      let name = spec.name;
      if (!(name in mapping)) mapping[name] = null;
      const raw = match[index++];
      let value: unknown = raw ?? null;
      if (raw !== undefined) {
        if (op.named) {
          if (spec.explode) {
            value = Object.fromEntries(rubySplit(raw, op.sep).map((pair) => {
              const [k, v = ''] = pair.split('=');
              return [decode(k), decode(v)];
            }));
          } else {
            const [k, v = ''] = raw.split('=');
            name = k;
            value = decode(v);
          }
        } else {
          value = spec.explode ? rubySplit(raw, op.sep).map(decode) : decode(raw);
        }
      }
      if (mapping[name] === null || mapping[name] === undefined) mapping[name] = value;
    }
  }
  return mapping;
}
