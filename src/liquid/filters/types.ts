import type { Context, Liquid } from 'liquidjs';

/** The parsed filter call; args entries that are arrays were written as `name: value`. */
export interface FilterToken {
  name: string;
  args: unknown[];
}

/** `this` inside a posemu filter: liquidjs's filter context plus the named arguments. */
export interface FilterThis {
  context: Context;
  token: FilterToken;
  liquid: Liquid;
  /**
   * Keyword arguments (`| hash_merge: b: 2, c: 3` gives { b: 2, c: 3 }). They are not
   * passed positionally: positional arguments hold only the unnamed ones.
   */
  named: Record<string, unknown>;
}

/** A filter as families write it: input, then positional arguments. May be async. */
export type PosFilter = (this: FilterThis, input: unknown, ...args: unknown[]) => unknown;

/** One family file's exports: Liquid filter name -> implementation. Aliases are extra keys. */
export type FilterFamily = Record<string, PosFilter>;

/** Error for bad filter input; the engine adds the file and line. */
export class FilterError extends Error {
  constructor(filter: string, message: string) {
    super(`${filter}: ${message}`);
    this.name = 'FilterError';
  }
}
