/**
 * Ruby (Onigmo) regular expressions in JavaScript. Ruby's `^` and `$` always match at line
 * breaks (JS flag m), its `m` option is JS's dotAll (s), `x` allows whitespace and comments;
 * \A, \z, \Z, \h, POSIX brackets, atomic groups and possessive quantifiers are rewritten to
 * their nearest JS form. Throws SyntaxError for a pattern neither can read.
 */
export function rubyRegExp(pattern: string, options = '', global = false): RegExp {
  const key = `${pattern}\u0000${options}\u0000${global}`;
  const hit = cache.get(key);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  for (const ch of options) {
    if (!'ixm'.includes(ch)) throw new SyntaxError(`unknown option ${JSON.stringify(ch)} (use i, x or m)`);
  }
  let source = options.includes('x') ? stripExtended(pattern) : pattern;
  source = translate(source);
  const unicode = /\\[pP]\{/.test(source);
  const flags = `m${options.includes('i') ? 'i' : ''}${options.includes('m') ? 's' : ''}${global ? 'g' : ''}${unicode ? 'u' : ''}`;
  const re = new RegExp(source, flags);
  if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
  cache.set(key, re);
  return re;
}

const cache = new Map<string, RegExp>();

const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s',
  xdigit: '0-9a-fA-F', word: '\\w', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  punct: '!-\\/:-@\\[-`{-~', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

/** Rewrites Ruby-only syntax, leaving escapes and character classes intact. */
function translate(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      i++;
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'z') out += '(?![\\s\\S])';
      else if (!inClass && next === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (next === 'h') out += inClass ? '0-9a-fA-F' : '[0-9a-fA-F]';
      else if (next === 'H' && !inClass) out += '[^0-9a-fA-F]';
      else out += ch + next;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)(\w+):\]/.exec(src.slice(i));
      if (posix && POSIX[posix[2]] && !posix[1]) {
        out += POSIX[posix[2]];
        i += posix[0].length - 1;
        continue;
      }
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') out += '\\' + src[++i];
      continue;
    }
    if (ch === '(' && src.startsWith('(?>', i)) {
      out += '(?:';
      i += 2;
      continue;
    }
    // Possessive quantifiers (a++, a*+, a?+, a{2}+) match like greedy ones here.
    if (ch === '+' && /[+*?}]$/.test(out) && !out.endsWith('\\+') && !out.endsWith('\\*') && !out.endsWith('\\?') && !out.endsWith('\\}')) continue;
    out += ch;
  }
  return out;
}

/** Ruby's x option: unescaped whitespace and `# comments` outside classes are not part of the pattern. */
function stripExtended(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      out += ch + (src[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (!/\s/.test(ch)) out += ch;
  }
  return out;
}

/**
 * Ruby's sub/gsub replacement text: \0 and \& the match, \1-\9 groups, \k<name> named
 * groups, \` before the match, \' after it, \\ a backslash.
 */
export function rubyReplacement(replacement: string, match: RegExpExecArray | RegExpMatchArray, input: string): string {
  return replacement.replace(/\\(\d|&|`|'|\\|k<([^>]+)>)/g, (whole, code: string, name: string | undefined) => {
    if (name !== undefined) return match.groups?.[name] ?? '';
    if (code === '&' || code === '0') return match[0];
    if (code === '\\') return '\\';
    const index = match.index ?? 0;
    if (code === '`') return input.slice(0, index);
    if (code === "'") return input.slice(index + match[0].length);
    return match[Number(code)] ?? '';
  });
}
