import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

describe('matches', () => {
  it('docs example', async () => {
    expect(await render(`{{ 'foo' | matches: '[a-z]' }}`)).toBe('true');
  });
  it('options i, x, m; nil text gives nil', async () => {
    expect(await render(`{{ 'FOO' | matches: '^foo$' }} {{ 'FOO' | matches: '^foo$', 'i' }}`)).toBe('false true');
    expect(await render(`{{ 'ab' | matches: 'a b # spaced', 'x' }}`)).toBe('true');
    expect(await render(`{{ t | matches: 'a.b' }} {{ t | matches: 'a.b', 'm' }}`, { t: 'a\nb' })).toBe('false true');
    expect(await render(`[{{ nil | matches: 'a' }}]`)).toBe('[]');
  });
  it('Ruby anchors: ^ and $ are line anchors, \\A and \\z the string ends', async () => {
    const vars = { t: 'one\ntwo', line: '^two$', start: String.raw`\Atwo`, end: String.raw`one\z`, endZ: String.raw`two\Z` };
    expect(await render(`{{ t | matches: line }} {{ t | matches: start }} {{ t | matches: end }} {{ t | matches: endZ }}`, vars)).toBe('true false false true');
  });
  it('\\h, POSIX classes, named groups, possessive and atomic groups', async () => {
    const vars = { hex: String.raw`^\h+$`, posix: '^[[:alpha:]]+[[:digit:]]$', named: '(?<y>\\d{4})', atomic: '(?>a+)b', possessive: 'a++b' };
    expect(await render(`{{ 'beef' | matches: hex }} {{ 'abc1' | matches: posix }} {{ '2020' | matches: named }} {{ 'aab' | matches: atomic }} {{ 'aab' | matches: possessive }}`, vars))
      .toBe('true true true true true');
  });
  it('invalid patterns and options are errors naming the argument', async () => {
    await expect(render(`{{ 'x' | matches: '(' }}`)).rejects.toThrow(/matches: invalid regular expression \(argument 1\) "\(":/);
    await expect(render(`{{ 'x' | matches: 'x', 'q' }}`)).rejects.toThrow(/matches: invalid options "q": unknown option "q"/);
  });
});

describe('regex_matches', () => {
  it('docs example: og:image URL from a meta tag', async () => {
    const src = `{% liquid
  assign text = '<html><head><meta property="og:image" content="http://somehost.com/someimage.jpg" /></head><body>content</body></html>' | html_safe
  assign matches = text | regex_matches: re
  if matches.size > 0
    assign image_path = matches[0][0]
    echo image_path
  endif
%}`;
    expect(await render(src, { re: String.raw`<meta\s+property="og:image"\s+content="([^"]+)"` })).toBe('http://somehost.com/someimage.jpg');
  });
  it('groups per match (documented shape); whole matches without groups (Ruby scan)', async () => {
    expect(await render(`{{ 'abcdef' | regex_matches: '(.)(.)' | json }}`)).toBe('[["a","b"],["c","d"],["e","f"]]');
    expect(await render(`{{ 'a1b22' | regex_matches: '[0-9]+' | json }}`)).toBe('["1","22"]');
    expect(await render(`{{ 'AbA' | regex_matches: 'a', 'i' | json }}`)).toBe('["A","A"]');
    expect(await render(`{{ 'ab' | regex_matches: '(a)(x)?' | json }}`)).toBe('[["a",null]]');
  });
  it('rejects invalid patterns', async () => {
    await expect(render(`{{ 'x' | regex_matches: '[a-' }}`)).rejects.toThrow(/regex_matches: invalid regular expression \(argument 1\) "\[a-"/);
  });
});

describe('replace_regex (docs examples)', () => {
  it('global by default, first only with global false', async () => {
    expect(await render(`{{ "fooooo fooo" | replace_regex: 'o+', 'o' }}`)).toBe('fo fo');
    expect(await render(`{{ "fooooo fooo" | replace_regex: 'o+', 'o', '', false }}`)).toBe('fo fooo');
  });
  it('hash replacement', async () => {
    const src = `{% liquid
  assign hash = {}
  assign hash = hash | hash_add_key: 'ooooo', 'bbbbb'
  assign hash = hash | hash_add_key: 'ooo', 'ccc'
%}{{ "fooooo fooo" | replace_regex: 'o+', hash }}`;
    expect(await render(src)).toBe('fbbbbb fccc');
    expect(await render(`{{ "fooo fo" | replace_regex: 'o+', h }}`, { h: { ooo: 'x' } })).toBe('fx f');
  });
  it('options: ignore case, extended, multiline', async () => {
    expect(await render(`{{ "FOOOOO" | replace_regex: 'o+', 'a', 'i' }}`)).toBe('Fa');
    expect(await render(`{{ "FOOOOO" | replace_regex: 'o+', 'a' }}`)).toBe('FOOOOO');
    expect(await render(`{{ "FOOOOO" | replace_regex: 'o+ #comment', 'a', 'ix' }}`)).toBe('Fa');
    const src = `{% capture newLine %}\n{% endcapture %}{{ "abc" | append: newLine | append: "def" | append: newLine | append: "ghi" | replace_regex: '.+', 'a', 'im' }}`;
    expect(await render(src)).toBe('a');
  });
  it('match groups in the replacement (docs example)', async () => {
    const src = String.raw`{% assign array = "item 1,item 2,item 3,item 4" | split: "," %}{{ array | join: ", " | replace_regex: "([^,]+),([^,]+)$", "\1, &\2" }}`;
    expect(await render(src)).toBe('item 1, item 2, item 3, & item 4');
  });
  it('backslash escapes written in Liquid string literals reach the pattern', async () => {
    expect(await render(String.raw`{{ 'a  b' | replace_regex: '\s+', '_' }} {{ 'x1' | matches: '\A[a-z]\d\z' }}`)).toBe('a_b true');
  });
  it('Ruby replacement escapes: \\0, \\k<name>, \\\\', async () => {
    const vars = { re: '(?<w>[a-z]+)', rep: String.raw`<\0|\k<w>|\\>` };
    expect(await render(`{{ 'ab 1' | replace_regex: re, rep }}`, vars)).toBe('<ab|ab|\\> 1');
  });
  it('empty matches advance', async () => {
    expect(await render(`{{ 'abc' | replace_regex: 'x*', '-' }}`)).toBe('-a-b-c-');
  });
  it('errors', async () => {
    await expect(render(`{{ 'x' | replace_regex: '(', 'y' }}`)).rejects.toThrow(/replace_regex: invalid regular expression \(argument 1\)/);
    await expect(render(`{{ 'x' | replace_regex: 'x', a }}`, { a: [1] })).rejects.toThrow(/replace_regex: replacement \(argument 2\) must be a string or a hash/);
  });
});
