import { Drop, defaultOperators, toValue, type Operators } from 'liquidjs';

/**
 * liquidjs's operators with Ruby Liquid's `contains` on hashes: `hash contains 'key'`
 * checks the keys (Hash#include?), where liquidjs answers false.
 */
export const OPERATORS: Operators = {
  ...defaultOperators,
  contains: function* contains(l: unknown, r: unknown, ctx) {
    const left = yield toValue(l);
    if (left && typeof left === 'object' && !Array.isArray(left) && !(left instanceof Drop)) {
      return Object.prototype.hasOwnProperty.call(left, String(yield toValue(r)));
    }
    return yield (defaultOperators.contains as (a: unknown, b: unknown, c: unknown) => unknown)(l, r, ctx);
  } as Operators[string],
};
