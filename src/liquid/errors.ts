import { LiquidError } from 'liquidjs';
import { PosError } from '../errors.js';

interface TokenLike {
  file?: string;
  getPosition(): [number, number];
}

/**
 * One line that names where a Liquid or load error happened and why:
 * `app/views/pages/x.liquid:12:5 undefined filter: foo`. Liquid line numbers count from
 * the body; `offsetOf` gives how many front matter lines come before it in the file.
 */
export function describeError(err: unknown, fallbackFile: string, offsetOf: (file: string) => number = () => 0): string {
  if (LiquidError.is(err)) {
    const e = err as LiquidError & { token?: TokenLike; originalError?: Error };
    const inner = innermost(e);
    const token = e.token;
    const cause = inner ? causeOf(inner) : stripPosition(e.message);
    if (token && typeof token.getPosition === 'function') {
      const [line, col] = token.getPosition();
      const file = token.file ?? fallbackFile;
      // A front matter field (`file (callback)`) counts lines within the field; a body
      // counts from the file's first line, past the front matter.
      const offset = / \(.*\)$/.test(file) ? 0 : offsetOf(file);
      return `${file}:${line + offset}:${col} ${cause}`;
    }
    return `${fallbackFile} ${cause}`;
  }
  if (err instanceof PosError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith(fallbackFile) ? msg : `${fallbackFile}: ${msg}`;
}

/** liquidjs wraps the thrown error once (originalError); that one holds the real cause. */
function innermost(err: LiquidError & { originalError?: Error }): Error | undefined {
  let cur: (Error & { originalError?: Error }) | undefined = err.originalError;
  while (cur && (cur as { originalError?: Error }).originalError) cur = (cur as { originalError?: Error }).originalError;
  return cur;
}

function causeOf(err: Error): string {
  return stripPosition(err.message);
}

function stripPosition(message: string): string {
  return message.replace(/, file:.*?, line:\d+, col:\d+$/, '').replace(/, line:\d+, col:\d+$/, '');
}
