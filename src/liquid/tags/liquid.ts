import { Tag, Tokenizer, type Context, type Emitter, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

type Options = Liquid['options'];
type LiquidTagTokenClass = new (input: string, begin: number, end: number, options: Options, file?: string) => TagToken;

/**
 * {% liquid %}: one statement a line, as liquidjs does, with what real platformOS code
 * relies on besides: a statement continues on the next lines while a `{`, `[` or `(` is
 * open or the line ends with `,`, `|` or `:` (multi-line hash literals, graphql arguments
 * one a line); `comment ... endcomment` blocks are skipped unparsed (their text is not
 * Liquid); `# text` lines and trailing `# text` after a statement are comments.
 */
export class LiquidTag extends Tag {
  private templates: Template[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    const tokens = splitStatements(this.tokenizer, liquid.options);
    this.templates = parser.parseTokens(tokens);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
  }
}

/** liquidjs does not export LiquidTagToken; one made on a one-line input gives the class. */
let tokenClass: LiquidTagTokenClass | undefined;
function liquidTagTokenClass(options: Options): LiquidTagTokenClass {
  tokenClass ??= new Tokenizer('x').readLiquidTagToken(options)!.constructor as LiquidTagTokenClass;
  return tokenClass;
}

interface Line {
  /** First non-blank character. */
  begin: number;
  /** End of the code (before a trailing comment and blanks). */
  end: number;
  /** Position of the line feed (or the end of the markup). */
  next: number;
}

function splitStatements(tokenizer: Tokenizer, options: Options): TagToken[] {
  const input = tokenizer.input;
  const Token = liquidTagTokenClass(options);
  const tokens: TagToken[] = [];
  let p = tokenizer.p;
  const N = tokenizer.N;
  let commentDepth = 0;
  while (p < N) {
    let line = scanLine(input, p, N);
    p = line.next + 1;
    if (line.begin >= line.end) continue;
    const word = firstWord(input, line.begin);
    if (commentDepth > 0) {
      if (word === 'comment') commentDepth++;
      else if (word === 'endcomment') commentDepth--;
      continue;
    }
    if (word === 'comment') {
      commentDepth = 1;
      continue;
    }
    if (input[line.begin] === '#') continue;
    const begin = line.begin;
    let state = bracketDepth(input, line.begin, line.end, 0);
    while (p < N && (state > 0 || continues(input, line) || nextStartsWithPipe(input, p, N))) {
      line = scanLine(input, p, N);
      p = line.next + 1;
      state = bracketDepth(input, line.begin, line.end, state);
    }
    tokens.push(new Token(input, begin, line.end, options, tokenizer.file));
  }
  return tokens;
}

/** Finds where code starts and ends on the line beginning at p (a ` #` outside quotes starts a comment). */
function scanLine(input: string, p: number, N: number): Line {
  let next = input.indexOf('\n', p);
  if (next === -1 || next > N) next = N;
  let begin = p;
  while (begin < next && isBlank(input[begin])) begin++;
  let end = next;
  if (input[begin] !== '#') {
    let quote = '';
    for (let i = begin; i < next; i++) {
      const c = input[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && isBlank(input[i - 1])) {
        end = i;
        break;
      }
    }
  }
  while (end > begin && isBlank(input[end - 1])) end--;
  return { begin, end, next };
}

function bracketDepth(input: string, begin: number, end: number, depth: number): number {
  let quote = '';
  for (let i = begin; i < end; i++) {
    const c = input[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth = Math.max(depth - 1, 0);
  }
  return depth;
}

function continues(input: string, line: Line): boolean {
  const last = input[line.end - 1];
  return line.end > line.begin && (last === ',' || last === '|' || last === ':');
}

function nextStartsWithPipe(input: string, p: number, N: number): boolean {
  while (p < N && isBlank(input[p])) p++;
  return input[p] === '|';
}

function firstWord(input: string, p: number): string {
  const m = /^[A-Za-z_][\w-]*/.exec(input.slice(p, p + 40));
  return m ? m[0] : '';
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}
