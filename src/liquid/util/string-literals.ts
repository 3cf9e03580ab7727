import { Token, TokenKind, Tokenizer, type Context, type Template } from 'liquidjs';
import { STATE, type RenderState } from '../state.js';
import { RAW_OUTPUT } from '../escape.js';

/**
 * Quoted strings as platformOS reads them, where liquidjs differs:
 *
 * - Backslashes are kept as written except before the closing quote character:
 *   `"\1, &\2"` reaches replace_regex as backslash-1 (a back-reference) and `'\n'` is a
 *   backslash and an n, as in Ruby Liquid; `"a \"b\""` still holds quotes (the docs'
 *   escape_javascript example). liquidjs would turn `\1` into a control character.
 * - String interpolation: a double-quoted string with `{{ }}` inside
 * (`"Hello {{ name | upcase }}"`) is rendered where it is used, in any tag or output;
 * single-quoted strings never are. On by default (as on new platformOS instances);
 * `string_interpolation: false` in app/config.yml turns it off. Interpolated values are
 * not HTML-escaped: escaping happens once, when the string itself is printed.
 *
 * liquidjs reads every quoted string through Tokenizer#readQuoted, so that is where such
 * strings become an expression instead of a constant. Installed once per process.
 */
export function installStringLiterals(): void {
  if (installed) return;
  installed = true;
  const original = Tokenizer.prototype.readQuoted;
  Tokenizer.prototype.readQuoted = function readQuoted(this: Tokenizer) {
    const token = original.call(this);
    if (!token) return token;
    const quote = token.input[token.begin];
    const raw = token.input.slice(token.begin + 1, token.end - 1);
    const content = raw.includes('\\') ? raw.split(`\\${quote}`).join(quote) : raw;
    if (quote === '"' && content.includes('{{')) return interpolatedToken(content, token);
    if (content !== token.content) Object.defineProperty(token, 'content', { value: content });
    return token;
  } as Tokenizer['readQuoted'];
}

let installed = false;

/** The string as liquidjs's evalToken evaluates a `(value | filters)` group: through `initial.evaluate`. */
function interpolatedToken(text: string, quoted: Token): ReturnType<Tokenizer['readQuoted']> {
  const token = Object.create(Token.prototype) as Token & Record<string, unknown>;
  Object.assign(token, {
    kind: TokenKind.FilteredValue,
    input: quoted.input,
    begin: quoted.begin,
    end: quoted.end,
    file: quoted.file,
    initial: new Interpolation(text, quoted.file),
    filters: [],
  });
  return token as unknown as ReturnType<Tokenizer['readQuoted']>;
}

class Interpolation {
  private templates?: Template[];

  constructor(
    private readonly text: string,
    private readonly file?: string,
  ) {}

  valid(): boolean {
    return true;
  }

  *evaluate(ctx: Context): Generator<unknown, unknown, unknown> {
    const state = (ctx.globals as Record<symbol, RenderState | undefined>)[STATE];
    if (state?.app.flags.string_interpolation === false || !ctx.liquid) return this.text;
    this.templates ??= (ctx.liquid as { parse(s: string, f?: string): Template[] }).parse(this.text, this.file);
    const before = ctx.getRegister(RAW_OUTPUT);
    ctx.setRegister(RAW_OUTPUT, true);
    try {
      return yield (ctx.liquid as { renderer: { renderTemplates(t: Template[], c: Context): unknown } }).renderer.renderTemplates(this.templates, ctx);
    } finally {
      ctx.setRegister(RAW_OUTPUT, before);
    }
  }
}
