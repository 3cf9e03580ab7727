import type { FilterFamily } from './types.js';
import * as standard from './standard.js';
import * as encoding from './encoding.js';
import * as crypto from './crypto.js';
import * as json from './json.js';
import * as formats from './formats.js';
import * as jwt from './jwt.js';
import * as time from './time.js';
import * as hash from './hash.js';
import * as array from './array.js';
import * as random from './random.js';
import * as html from './html.js';
import * as text from './text.js';
import * as regex from './regex.js';
import * as number from './number.js';
import * as i18n from './i18n.js';
import * as assets from './assets.js';
import * as url from './url.js';
import * as misc from './misc.js';
import * as http from './http.js';

/**
 * Every posemu filter, by Liquid name, one family per file. `standard` holds the Liquid
 * filters liquidjs already has but platformOS (Ruby Liquid) does differently. A name may
 * be defined by one family only (test/liquid/filters/registry.test.ts checks).
 */
export const FAMILIES: Record<string, FilterFamily> = {
  standard,
  encoding,
  crypto,
  json,
  formats,
  jwt,
  time,
  hash,
  array,
  random,
  html,
  text,
  regex,
  number,
  i18n,
  assets,
  url,
  misc,
  http,
};

export const FILTERS: FilterFamily = Object.assign({}, ...Object.values(FAMILIES));

/** Filters whose output is printed as is even in html (escaping skipped). */
export const RAW_FILTERS = new Set(['html_safe', 'raw']);
