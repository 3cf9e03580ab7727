import { LiquidError, type Token } from 'liquidjs';

/**
 * Thrown by `{% return %}` and caught by the tag that called the partial (function, or
 * include/render/the page itself, where it only stops rendering). A LiquidError so that
 * liquidjs's renderer passes it up unchanged instead of wrapping it (and building an
 * error context) at every template level; `try` must let it through.
 */
export class ReturnSignal extends LiquidError {
  constructor(
    readonly value: unknown,
    token: Token,
  ) {
    super('return outside a function', token);
    this.name = 'ReturnSignal';
  }
}

/** Thrown by `{% rollback %}` and caught by the enclosing `{% transaction %}`. */
export class RollbackSignal extends LiquidError {
  constructor(token: Token) {
    super('rollback outside a transaction', token);
    this.name = 'RollbackSignal';
  }
}

/** True for errors that are control flow, not failures (never caught by `try`). */
export function isControlSignal(err: unknown): err is ReturnSignal | RollbackSignal {
  return err instanceof ReturnSignal || err instanceof RollbackSignal;
}
