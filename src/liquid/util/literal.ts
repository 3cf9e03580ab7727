import { Drop, Value, evalToken, toValue, type Context, type FilteredValueToken, type Liquid, type Tokenizer, type ValueToken } from 'liquidjs';

/**
 * Hash and array literals as platformOS's assign accepts them:
 * `{ "a": 1, "b": [x, "y"], "c": { "d": nil } }`. Keys are quoted strings (or bare words);
 * values are any Liquid value (variables, strings, numbers, true/false/nil/null) or nested
 * literals. Each evaluation builds new objects, because assign may later mutate them.
 */
type LiteralNode =
  | { kind: 'value'; token: ValueToken }
  | { kind: 'hash'; entries: Array<[string, LiteralNode]> }
  | { kind: 'array'; items: LiteralNode[] };

/** An expression liquidjs's Value can start from (it calls `evaluate` and `valid`). */
export class LiteralExpression {
  constructor(private readonly node: LiteralNode) {}

  valid(): boolean {
    return true;
  }

  *evaluate(ctx: Context): Generator<unknown, unknown, unknown> {
    return yield* evaluateNode(this.node, ctx);
  }
}

function* evaluateNode(node: LiteralNode, ctx: Context): Generator<unknown, unknown, unknown> {
  if (node.kind === 'value') {
    const value = yield evalToken(node.token, ctx);
    // nil/null/empty/blank are liquidjs drops; inside a hash or array they are plain values.
    return value instanceof Drop && isLiteralDrop(value) ? toValue(value) : value;
  }
  if (node.kind === 'array') {
    const out: unknown[] = [];
    for (const item of node.items) out.push(yield* evaluateNode(item, ctx));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of node.entries) out[key] = yield* evaluateNode(value, ctx);
  return out;
}

function isLiteralDrop(value: Drop): boolean {
  const plain = value.valueOf();
  return plain === null || plain === '';
}

/** True when the tokenizer stands at a `{` or `[` literal. */
export function atLiteral(tokenizer: Tokenizer): boolean {
  tokenizer.skipBlank();
  const c = tokenizer.peek();
  return c === '{' || c === '[';
}

/** Reads a hash or array literal; the tokenizer must stand at `{` or `[` (see atLiteral). */
export function readLiteral(tokenizer: Tokenizer): LiteralExpression {
  return new LiteralExpression(readNode(tokenizer));
}

function readNode(tokenizer: Tokenizer): LiteralNode {
  tokenizer.skipBlank();
  const c = tokenizer.peek();
  if (c === '{') return readHash(tokenizer);
  if (c === '[') return readArray(tokenizer);
  const token = tokenizer.readValue();
  tokenizer.assert(token, () => `value expected in hash/array literal at ${tokenizer.snapshot()}`);
  return { kind: 'value', token: token! };
}

function readHash(tokenizer: Tokenizer): LiteralNode {
  tokenizer.advance(); // {
  const entries: Array<[string, LiteralNode]> = [];
  for (;;) {
    tokenizer.skipBlank();
    if (tokenizer.peek() === '}') break;
    const key = readKey(tokenizer);
    tokenizer.skipBlank();
    tokenizer.assert(tokenizer.peek() === ':', () => `":" expected after key "${key}" in hash literal at ${tokenizer.snapshot()}`);
    tokenizer.advance();
    entries.push([key, readNode(tokenizer)]);
    if (!readSeparator(tokenizer, '}')) break;
  }
  tokenizer.advance(); // }
  return { kind: 'hash', entries };
}

function readArray(tokenizer: Tokenizer): LiteralNode {
  tokenizer.advance(); // [
  const items: LiteralNode[] = [];
  for (;;) {
    tokenizer.skipBlank();
    if (tokenizer.peek() === ']') break;
    items.push(readNode(tokenizer));
    if (!readSeparator(tokenizer, ']')) break;
  }
  tokenizer.advance(); // ]
  return { kind: 'array', items };
}

/** After an item: `,` (more may follow) or the closing bracket. A trailing comma is accepted. */
function readSeparator(tokenizer: Tokenizer, close: string): boolean {
  tokenizer.skipBlank();
  const c = tokenizer.peek();
  if (c === ',') {
    tokenizer.advance();
    return true;
  }
  tokenizer.assert(c === close, () => `"," or "${close}" expected in literal at ${tokenizer.snapshot()}`);
  return false;
}

function readKey(tokenizer: Tokenizer): string {
  const quoted = tokenizer.readQuoted();
  if (quoted) return quoted.content;
  const word = tokenizer.readIdentifier().content;
  tokenizer.assert(word, () => `key expected in hash literal at ${tokenizer.snapshot()}`);
  return word;
}

/**
 * A value as assign-like tags read it: a literal or any Liquid expression, then filters.
 * The literal becomes the Value's initial expression, so filters chain as usual.
 */
export function readValueOrLiteral(tokenizer: Tokenizer, liquid: Liquid): Value {
  if (!atLiteral(tokenizer)) return new Value(tokenizer.readFilteredValue(), liquid);
  const initial = readLiteral(tokenizer);
  const filters = tokenizer.readFilters();
  return new Value({ initial, filters } as unknown as FilteredValueToken, liquid);
}
