import type { FilterFamily } from './types.js';
import * as encoding from './encoding.js';
import * as json from './json.js';
import * as jwt from './jwt.js';
import * as time from './time.js';
import * as hash from './hash.js';
import * as array from './array.js';
import * as random from './random.js';
import * as html from './html.js';

/**
 * Every posemu filter, by Liquid name. Families are spread in order; a later family may not
 * redefine a name (checked by test/liquid/filters/registry.test.ts).
 */
export const FAMILIES: Record<string, FilterFamily> = {
  encoding,
  json,
  jwt,
  time,
  hash,
  array,
  random,
  html,
};

export const FILTERS: FilterFamily = Object.assign({}, ...Object.values(FAMILIES));

/** Filters whose output is printed as is even in html (escaping skipped). */
export const RAW_FILTERS = new Set(['html_safe', 'raw']);
