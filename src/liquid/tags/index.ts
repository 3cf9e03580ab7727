import type { Liquid } from 'liquidjs';
import { IncludeTag } from './include.js';
import { RenderTag } from './render.js';
import { LogTag } from './log.js';
import { ParseJsonTag } from './parse-json.js';
import { DATA_TAGS } from './data-tags.js';

type TagClass = Parameters<Liquid['registerTag']>[1];

/** Every posemu tag by name (liquidjs's standard tags stay registered unless replaced here). */
export const TAGS: Record<string, TagClass> = {
  include: IncludeTag,
  render: RenderTag,
  log: LogTag,
  parse_json: ParseJsonTag,
  ...DATA_TAGS,
};
