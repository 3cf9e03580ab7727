import { TypeGuards, evalToken, type Context, type Tokenizer, type Token } from 'liquidjs';
import { toPlain } from '../to-plain.js';

/**
 * The left side of platformOS's assign-like tags (assign, hash_assign, function, graphql):
 * `name`, `name.a["b"][var]` (keys in dot, bracket or mixed notation), followed by `=`
 * or `<<` (append to an array).
 */
export class AssignTarget {
  readonly root: string;
  private readonly keys: Token[];
  readonly append: boolean;
  readonly text: string;

  private constructor(root: string, keys: Token[], append: boolean, text: string) {
    this.root = root;
    this.keys = keys;
    this.append = append;
    this.text = text;
  }

  /** Reads `target =` or `target <<` from the tag markup; `tag` names the tag in errors. */
  static read(tokenizer: Tokenizer, tag: string): AssignTarget {
    tokenizer.skipBlank();
    const begin = tokenizer.p;
    const token = tokenizer.readValue();
    const props = TypeGuards.isPropertyAccessToken(token) && !token.variable ? token.props : undefined;
    const rootToken = props?.[0];
    const root = TypeGuards.isWordToken(rootToken) ? rootToken.content : '';
    tokenizer.assert(root, () => `${tag}: variable name expected (e.g. {% ${tag} name = value %}), got ${tokenizer.snapshot(begin)}`, begin);
    const text = tokenizer.input.slice(begin, tokenizer.p);
    tokenizer.skipBlank();
    let append = false;
    if (tokenizer.peek() === '<' && tokenizer.peek(1) === '<') {
      append = true;
      tokenizer.advance(2);
    } else {
      tokenizer.assert(tokenizer.peek() === '=', () => `${tag}: "=" or "<<" expected after ${text}, got ${tokenizer.snapshot()}`);
      tokenizer.advance();
    }
    return new AssignTarget(root, props!.slice(1), append, text);
  }

  /** Stores `value` at the target (assign semantics: a plain name lives in the current render's scope). */
  *set(ctx: Context, value: unknown): Generator<unknown, void, unknown> {
    if (!this.keys.length && !this.append) {
      ctx.bottom()[this.root] = value;
      return;
    }
    let container = yield ctx._get([this.root]);
    let path = this.root;
    const keys: unknown[] = [];
    for (const key of this.keys) keys.push(yield evalToken(key, ctx));
    const last = this.append ? undefined : keys.pop();
    for (const key of keys) {
      container = readKey(container, key, path, this.text);
      path += `[${JSON.stringify(key)}]`;
    }
    if (this.append) {
      if (container === undefined || container === null) {
        throw new Error(`${this.text} << ...: ${path} is nil; assign it an array first (e.g. assign ${path} = [])`);
      }
      if (!Array.isArray(container)) throw new Error(`${this.text} << ...: ${path} is not an array (${describe(container)})`);
      container.push(value);
      return;
    }
    writeKey(container, last, value, path, this.text);
  }
}

function readKey(container: unknown, key: unknown, path: string, text: string): unknown {
  if (container === undefined || container === null) {
    throw new Error(`${text} = ...: ${path} is nil; assign it a hash first (e.g. assign ${path} = {})`);
  }
  if (Array.isArray(container)) return container[Number(key)];
  if (typeof container !== 'object') throw new Error(`${text} = ...: ${path} is not a hash (${describe(container)})`);
  return (container as Record<string, unknown>)[String(key)];
}

function writeKey(container: unknown, key: unknown, value: unknown, path: string, text: string): void {
  if (container === undefined || container === null) {
    throw new Error(`${text} = ...: ${path} is nil; assign it a hash first (e.g. assign ${path} = {})`);
  }
  if (Array.isArray(container) && typeof key === 'number') {
    container[key < 0 ? container.length + key : key] = value;
    return;
  }
  if (typeof container !== 'object' || Array.isArray(container)) {
    throw new Error(`${text} = ...: ${path} is not a hash (${describe(container)})`);
  }
  (container as Record<string, unknown>)[String(key)] = value;
}

function describe(v: unknown): string {
  const plain = toPlain(v);
  const text = typeof plain === 'string' ? JSON.stringify(plain) : JSON.stringify(plain) ?? String(plain);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
