import type { Liquid, TagToken, Template, TopLevelToken } from 'liquidjs';

/**
 * Parses the body of a block tag up to its end tag (`{% endname %}`). Nested blocks of the
 * same tag are parsed by their own tag, so the first end tag seen here is ours.
 */
export function readBlock(token: TagToken, remain: TopLevelToken[], liquid: Liquid, end: string): Template[] {
  const templates: Template[] = [];
  let closed = false;
  const stream = liquid.parser
    .parseStream(remain)
    .on(`tag:${end}`, () => {
      closed = true;
      stream.stop();
    })
    .on('template', (tpl: Template) => templates.push(tpl))
    .on('end', () => {
      if (!closed) throw new Error(`tag ${token.getText()} not closed (missing {% ${end} %})`);
    });
  stream.start();
  return templates;
}

/**
 * A block with one middle tag (`try ... catch err ... endtry`): the templates before and
 * after it, and the middle tag's token.
 */
export function readSplitBlock(
  token: TagToken,
  remain: TopLevelToken[],
  liquid: Liquid,
  middle: string,
  end: string,
): { before: Template[]; after: Template[]; middle?: TagToken } {
  const before: Template[] = [];
  const after: Template[] = [];
  let current = before;
  let middleToken: TagToken | undefined;
  let closed = false;
  const stream = liquid.parser
    .parseStream(remain)
    .on(`tag:${middle}`, (tag: TagToken) => {
      if (middleToken) throw new Error(`tag ${token.getText()}: a second {% ${middle} %}`);
      middleToken = tag;
      current = after;
    })
    .on(`tag:${end}`, () => {
      closed = true;
      stream.stop();
    })
    .on('template', (tpl: Template) => current.push(tpl))
    .on('end', () => {
      if (!closed) throw new Error(`tag ${token.getText()} not closed (missing {% ${end} %})`);
    });
  stream.start();
  return { before, after, middle: middleToken };
}
