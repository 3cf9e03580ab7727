import { Tag, TypeGuards, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

/**
 * {% doc %}...{% enddoc %}: documentation for tools (platformOS Check); never rendered and
 * never parsed, so examples inside (`{% render 'x' %}`) do not run or fail.
 */
export class DocTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    while (remain.length) {
      const next = remain.shift()!;
      if (TypeGuards.isTagToken(next) && next.name === 'enddoc') return;
    }
    throw new Error(`tag ${token.getText()} not closed (missing {% enddoc %})`);
  }

  render(): void {}
}
