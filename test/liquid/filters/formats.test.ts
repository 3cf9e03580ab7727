import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

async function json(source: string, vars: Record<string, unknown> = {}): Promise<unknown> {
  return JSON.parse(await render(source, vars));
}

const csvSetup = `{% capture csv %}name,description
name-1,description-1
name-2,description-2
{% endcapture %}`;

describe('parse_csv / parse_csv_rc (docs)', () => {
  it('rows', async () => {
    expect(await json(`${csvSetup}{{ csv | parse_csv | json }}`)).toEqual([
      ['name', 'description'],
      ['name-1', 'description-1'],
      ['name-2', 'description-2'],
    ]);
  });
  it('convert_to_hash', async () => {
    expect(await json(`${csvSetup}{{ csv | parse_csv_rc: convert_to_hash: true | json }}`)).toEqual([
      { name: 'name-1', description: 'description-1' },
      { name: 'name-2', description: 'description-2' },
    ]);
  });
  it('quoting, empty fields (nil unquoted, "" quoted), blank lines, col_sep', async () => {
    expect(await json(`{{ t | parse_csv | json }}`, { t: 'a,,""\n\n"x ""q"", y",z\n' })).toEqual([['a', null, ''], [], ['x "q", y', 'z']]);
    expect(await json(`{{ t | parse_csv: col_sep: ';' | json }}`, { t: 'a;b\r\nc;d\r\n' })).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('malformed CSV is an error', async () => {
    await expect(render(`{{ t | parse_csv }}`, { t: 'a,"b\nc' })).rejects.toThrow(/parse_csv: malformed CSV/);
  });
});

describe('to_csv (docs)', () => {
  const setup = `{% liquid
    assign arr = '' | split: ','
    assign headers = 'id,header1,header2' | split: ','
    assign row1 = '1,example,value' | split: ','
    assign row2 = '2,another,val2' | split: ','
    assign arr = arr | array_add: headers | array_add: row1 | array_add: row2
  %}`;
  it('text is quoted, numbers are not', async () => {
    expect(await render(`${setup}{{ arr | to_csv }}`)).toBe('"id","header1","header2"\n1,"example","value"\n2,"another","val2"\n');
  });
  it('force_quotes', async () => {
    expect(await render(`${setup}{{ arr | to_csv: force_quotes: true }}`)).toBe('"id","header1","header2"\n"1","example","value"\n"2","another","val2"\n');
  });
  it('nil, empty text, embedded quotes, formulas, col_sep', async () => {
    const rows = [[null, '', 'say "hi"', '=SUM(A1)', -5, true]];
    expect(await render(`{{ rows | to_csv }}`, { rows })).toBe(`,"","say ""hi""","'=SUM(A1)",-5,"true"\n`);
    expect(await render(`{{ rows | to_csv: sanitize: false, quote_empty: false, col_sep: ';' }}`, { rows })).toBe(`;;"say ""hi""";"=SUM(A1)";-5;"true"\n`);
  });
  it('headers with write_headers', async () => {
    expect(await render(`{{ rows | to_csv: headers: h, write_headers: true }}`, { rows: [[1]], h: ['n'] })).toBe('"n"\n1\n');
  });
  it('rows must be arrays', async () => {
    await expect(render(`{{ rows | to_csv }}`, { rows: [{ a: 1 }] })).rejects.toThrow(/to_csv: row 0 must be an array, got \{"a":1\}/);
  });
});

describe('parse_xml / xml_to_hash (docs)', () => {
  const xml = '<?xml version="1.0" encoding="UTF-8"?><letter><title maxlength="10"> Quote Letter </title></letter>';
  it('docs example: root kept, every child in an array, text under content', async () => {
    expect(await json(`{% assign object = text | parse_xml %}{{ object }}`, { text: xml })).toEqual({
      letter: [{ title: [{ maxlength: '10', content: ' Quote Letter ' }] }],
    });
  });
  it('attr_prefix and force_array: false', async () => {
    expect(await json(`{{ text | xml_to_hash: attr_prefix: true, force_array: false }}`, { text: xml })).toEqual({
      letter: { title: { '@maxlength': '10', content: ' Quote Letter ' } },
    });
  });
  it('repeated elements, text-only elements, empty elements, entities, CDATA', async () => {
    const text = '<r><i>a &amp; b</i><i>&#65;</i><e/><c><![CDATA[<raw>]]></c></r>';
    expect(await json(`{{ text | parse_xml }}`, { text })).toEqual({ r: [{ i: ['a & b', 'A'], e: [{}], c: ['<raw>'] }] });
    expect(await json(`{{ text | parse_xml: force_array: false }}`, { text })).toEqual({ r: { i: ['a & b', 'A'], e: {}, c: '<raw>' } });
  });
  it('bad XML names the line and column', async () => {
    await expect(render(`{{ '<a><b></a>' | parse_xml }}`)).rejects.toThrow(/parse_xml: invalid XML at line 1, column \d+/);
  });
});

describe('to_xml / to_xml_rc (docs)', () => {
  it('docs example (the xml it builds, indented)', async () => {
    const out = await render(
      `{% assign object = '{"letter":[{"title":[{"maxlength":"10","content":" Quote Letter "}]}]}' | parse_json %}{{ object | to_xml }}`,
    );
    expect(out).toBe('<letter>\n  <title maxlength="10"> Quote Letter </title>\n</letter>\n');
    expect(out.replace(/\s+/g, ' ').trim()).toBe('<letter> <title maxlength="10"> Quote Letter </title> </letter>');
  });
  it('round trips with parse_xml', async () => {
    const text = '<r><i k="1">x &amp; y</i><i>z</i><e /></r>';
    expect(await json(`{{ text | parse_xml | to_xml_rc | parse_xml }}`, { text })).toEqual(await json(`{{ text | parse_xml }}`, { text }));
  });
  it('attr_prefix: only @ keys are attributes; arrays become <anon>; several keys get <opt>', async () => {
    expect(await render(`{{ h | to_xml: attr_prefix: true }}`, { h: { item: { '@id': 1, name: 'a<b' } } })).toBe('<item id="1">\n  <name>a&lt;b</name>\n</item>\n');
    expect(await render(`{{ a | to_xml }}`, { a: [1, 2] })).toBe('<anon>1</anon>\n<anon>2</anon>\n');
    expect(await render(`{{ h | to_xml }}`, { h: { a: 1, b: 2 } })).toBe('<opt a="1" b="2" />\n');
  });
  it('rejects text', async () => {
    await expect(render(`{{ 'x' | to_xml }}`)).rejects.toThrow(/to_xml: input must be a hash or an array, got "x"/);
  });
});

describe('is_json_valid (docs)', () => {
  it('valid and invalid', async () => {
    expect(await render(`{% assign valid = '{ "name": "foo", "bar": {} }' | is_json_valid %}{{ valid }}`)).toBe('true');
    expect(await render(`{% assign valid = '{ "foo" }' | is_json_valid %}{{ valid }}`)).toBe('false');
  });
  it('any other type is simply not valid JSON', async () => {
    expect(await render(`{{ h | is_json_valid }} {{ 5 | is_json_valid }}`, { h: { a: 1 } })).toBe('false false');
  });
});
