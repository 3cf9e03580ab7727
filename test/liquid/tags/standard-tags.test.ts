import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

describe('standard Liquid tags, as Ruby Liquid 5 renders them', () => {
  it('cycle: one group per argument list, or per name', async () => {
    expect(await render("{% for i in (1..4) %}{% cycle 'one', 'two', 'three' %}{% endfor %}")).toBe('onetwothreeone');
    const named = "{% cycle 'g1': 'a', 'b' %}{% cycle 'g2': 'a', 'b' %}{% cycle 'g1': 'a', 'b' %}{% cycle 'x', 'y' %}{% cycle 'x', 'y' %}";
    expect(await render(named)).toBe('aabxy');
  });

  it('tablerow: rows and cells with Ruby Liquid markup, cols/limit/offset and tablerowloop', async () => {
    expect(await render('{% tablerow i in (1..3) cols: 2 %}{{ i }}{% endtablerow %}')).toBe(
      '<tr class="row1">\n<td class="col1">1</td><td class="col2">2</td></tr>\n<tr class="row2"><td class="col1">3</td></tr>\n',
    );
    expect(await render('{% tablerow i in list limit: 2 offset: 1 %}{{ i }}{% endtablerow %}', { list: [1, 2, 3, 4] })).toBe(
      '<tr class="row1">\n<td class="col1">2</td><td class="col2">3</td></tr>\n',
    );
    const loop = '{% tablerow i in (1..3) cols: 2 %}{{ tablerowloop.index }}{{ tablerowloop.col }}{{ tablerowloop.row }}{{ tablerowloop.col_last }}{% endtablerow %}';
    expect(await render(loop)).toContain('<td class="col1">111false</td><td class="col2">221true</td>');
    expect(await render('{% tablerow i in empty_list %}x{% endtablerow %}', { empty_list: [] })).toBe('<tr class="row1">\n</tr>\n');
    expect(await render('[{% tablerow i in nothing %}x{% endtablerow %}]')).toBe('[]');
    await expect(render('{% tablerow i in (1..2) cols: "x" %}{% endtablerow %}')).rejects.toThrow(/tablerow: cols must be a number/);
    await expect(render('{% tablerow i (1..2) %}{% endtablerow %}')).rejects.toThrow(/tablerow: expected \{% tablerow item in collection %\}/);
  });

  it('ifchanged prints the block only when it changed', async () => {
    const source = '{% assign list = "1,1,1,1,3,3,3,2,1,3,1,2" | split: "," %}{% for item in list -%}{%- ifchanged %} {{ item }} {% endifchanged -%}{%- endfor %}';
    expect((await render(source)).replace(/\s+/g, ' ').trim()).toBe('1 3 2 1 3 1 2');
  });

  it('increment and decrement keep counters apart from assigned variables', async () => {
    expect(await render('{% assign n = 10 %}{% increment n %}{% increment n %}{{ n }}')).toBe('0110');
    expect(await render('{% decrement v %}{% decrement v %}{% increment v %}')).toBe('-1-2-2');
  });

  it('for with limit/offset/reversed, else, and break/continue', async () => {
    expect(await render('{% for i in (1..6) limit: 2 offset: 2 %}{{ i }}{% endfor %}|{% for i in (1..3) reversed %}{{ i }}{% endfor %}')).toBe('34|321');
    expect(await render('{% for i in empty_list %}x{% else %}none{% endfor %}', { empty_list: [] })).toBe('none');
    expect(await render('{% for i in (1..5) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 4 %}{% break %}{% endif %}{{ i }}{% endfor %}')).toBe('13');
  });

  it('doc is never rendered nor parsed', async () => {
    expect(await render("a{% doc %}\n  @param {string} url - The URL\n  @example\n  {% render 'missing', x: %}\n{% enddoc %}b")).toBe('ab');
    await expect(render('{% doc %}text')).rejects.toThrow(/not closed \(missing \{% enddoc %\}\)/);
  });

  it('raw and comment', async () => {
    expect(await render('{% raw %}{{ 2 | plus: 2 }}{% endraw %}{% comment %}{{ x }}{% endcomment %}{% # inline %}')).toBe('{{ 2 | plus: 2 }}');
  });
});

describe('the liquid tag, as real code writes it', () => {
  it('skips # comments, comment blocks (whatever their text) and trailing comments', async () => {
    const source = `{% liquid
  # Show a message
  comment
    this is { not Liquid, it's a note: "quotes" and (parens
  endcomment
  assign topic = 'Learning about comments!' # trailing note, don't parse
  echo topic
%}`;
    expect(await render(source)).toBe('Learning about comments!');
  });

  it('joins statements spread over lines (open brackets, trailing commas or pipes)', async () => {
    const source = `{% liquid
  assign h = {
    "a": 1,
    "b": [2, 3]
  }
  assign s = 'x' |
    append: 'y'
  assign t = 'a'
    | append: 'b'
  echo h.b[1] | append: s | append: t
%}`;
    expect(await render(source)).toBe('3xyab');
  });

  it('runs case/when, capture and include lines', async () => {
    const instance = makeInstance({ 'app/views/partials/p.liquid': '[{{ v }}]' });
    const source = `{% liquid
  case kind
    when 'health'
      assign message = 'health!'
    else
      assign message = 'potion'
  endcase
  capture out
    echo message
  endcapture
  include 'p', v: out
%}`;
    expect(await render(source, { kind: 'health' }, { instance })).toBe('[health!]');
  });

  it('names the line of a bad statement', async () => {
    await expect(render('{% liquid\n  assign a = 1\n  nosuchtag x\n%}')).rejects.toThrow(/tag "nosuchtag" not found.*line:3/s);
  });
});

describe('conditions as Ruby Liquid evaluates them', () => {
  it('contains works on strings, arrays and hash keys', async () => {
    const vars = { h: { a: 1 }, arr: [1, 2], s: 'abc' };
    expect(await render("{% if h contains 'a' %}h{% endif %}{% if h contains 'z' %}x{% endif %}{% if arr contains 2 %}a{% endif %}{% if s contains 'b' %}s{% endif %}", vars)).toBe('has');
  });

  it('case/when with `or` and commas', async () => {
    const source = "{% case t %}{% when 'Love' or 'Luck' %}LL{% when 'Strength','Health' %}SH{% else %}P{% endcase %}";
    expect([await render(source, { t: 'Luck' }), await render(source, { t: 'Health' }), await render(source, { t: 'x' })]).toEqual(['LL', 'SH', 'P']);
  });
});
