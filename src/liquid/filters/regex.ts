import { FilterError } from './types.js';
import { toOutput } from '../escape.js';
import { rubyRegExp, rubyReplacement } from '../util/ruby-regex.js';
import { isNil, unwrap } from '../util/values.js';

/** Compiles a Ruby pattern or throws a FilterError naming the filter and the argument. */
function compile(filter: string, pattern: unknown, options: unknown, global: boolean): RegExp {
  const opts = isNil(options) ? '' : toOutput(options);
  try {
    return rubyRegExp(toOutput(pattern), opts, global);
  } catch (err) {
    const what = /unknown option/.test((err as Error).message) ? 'options' : 'regular expression (argument 1)';
    throw new FilterError(filter, `invalid ${what} ${JSON.stringify(toOutput(what === 'options' ? options : pattern))}: ${(err as Error).message}`);
  }
}

/** text | matches: regexp, options = '' -> whether the text matches (nil for nil text). */
export function matches(input: unknown, regexp: unknown, options?: unknown): boolean | null {
  const re = compile('matches', regexp, options, false);
  if (isNil(input)) return null;
  return re.test(toOutput(input));
}

/**
 * text | regex_matches: regexp, options = '' -> every match, as Ruby's String#scan gives
 * them: arrays of the groups when the pattern has groups, the matched texts when it has none.
 */
export function regex_matches(input: unknown, regexp: unknown, options?: unknown): Array<string | Array<string | null>> {
  const re = compile('regex_matches', regexp, options, true);
  const out: Array<string | Array<string | null>> = [];
  for (const m of toOutput(input).matchAll(re)) {
    out.push(m.length > 1 ? m.slice(1).map((g) => g ?? null) : m[0]);
  }
  return out;
}

/**
 * text | replace_regex: regexp, replacement, options = '', global = true. The replacement is
 * Ruby's gsub text (\1, \k<name>, \0) or a hash from matched text to its replacement
 * (a match the hash lacks is removed, as in Ruby).
 */
export function replace_regex(input: unknown, regexp: unknown, replacement: unknown, options?: unknown, global: unknown = true): string {
  const re = compile('replace_regex', regexp, options, global !== false);
  const text = toOutput(input);
  const rep = unwrap(replacement);
  if (Array.isArray(rep)) throw new FilterError('replace_regex', 'replacement (argument 2) must be a string or a hash, got an array');
  if (rep && typeof rep === 'object') {
    const table = rep as Record<string, unknown>;
    return replaceMatches(text, re, (m) => (Object.prototype.hasOwnProperty.call(table, m[0]) ? toOutput(table[m[0]]) : ''));
  }
  const template = toOutput(rep);
  return replaceMatches(text, re, (m) => rubyReplacement(template, m, text));
}

function replaceMatches(text: string, re: RegExp, replace: (m: RegExpExecArray) => string): string {
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.global ? re.exec(text) : null) {
    out += text.slice(last, m.index) + replace(m);
    last = m.index + m[0].length;
    if (m[0] === '') re.lastIndex++;
  }
  return out + text.slice(last);
}
