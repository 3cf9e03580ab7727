import type { TagClass } from './types.js';
import { IncludeTag } from './include.js';
import { RenderTag } from './render.js';
import { LogTag } from './log.js';
import { ParseJsonTag } from './parse-json.js';
import { AssignTag } from './assign.js';
import { FunctionTag } from './function.js';
import { ReturnTag } from './return.js';
import { ExportTag } from './export.js';
import { CacheTag } from './cache.js';
import { ContentForTag, YieldTag } from './content-for.js';
import { RedirectToTag, ResponseHeadersTag, ResponseStatusTag } from './response.js';
import { SessionTag } from './session.js';
import { TryTag } from './try.js';
import { PrintTag } from './print.js';
import { ContextTag } from './context-tag.js';
import { ThemeRenderTag } from './theme-render.js';
import { SpamProtectionTag } from './spam-protection.js';
import { DocTag } from './doc.js';
import { IfchangedTag } from './ifchanged.js';
import { TablerowTag } from './tablerow.js';
import { LiquidTag } from './liquid.js';
import { DATA_TAGS } from './data-tags.js';

/**
 * Every posemu tag by name. liquidjs's standard tags stay registered unless replaced here
 * (assign, tablerow and liquid are replaced: platformOS/Ruby Liquid differ). `_rc`
 * names are the deprecated spellings platformOS still accepts.
 */
export const TAGS: Record<string, TagClass> = {
  include: IncludeTag,
  render: RenderTag,
  log: LogTag,
  parse_json: ParseJsonTag,
  assign: AssignTag,
  hash_assign: AssignTag,
  function: FunctionTag,
  function_rc: FunctionTag,
  return: ReturnTag,
  return_rc: ReturnTag,
  export: ExportTag,
  cache: CacheTag,
  content_for: ContentForTag,
  yield: YieldTag,
  redirect_to: RedirectToTag,
  response_status: ResponseStatusTag,
  response_headers: ResponseHeadersTag,
  session: SessionTag,
  try: TryTag,
  try_rc: TryTag,
  print: PrintTag,
  context: ContextTag,
  context_rc: ContextTag,
  theme_render_rc: ThemeRenderTag,
  spam_protection: SpamProtectionTag,
  doc: DocTag,
  ifchanged: IfchangedTag,
  tablerow: TablerowTag,
  liquid: LiquidTag,
  ...DATA_TAGS,
};
