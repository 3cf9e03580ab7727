import { describe, expect, it } from 'vitest';
import { cleanHeaders, parseHeaderJson } from '../../src/notifications/headers.js';

describe('parseHeaderJson', () => {
  it('accepts raw line breaks and tabs inside strings, and escaped quotes', () => {
    expect(parseHeaderJson('{\n  "A": "x\ny\r\n",\t"B": "say \\"hi\\"\tthere"\n}', 'f')).toEqual({ A: 'x\ny\r\n', B: 'say "hi"\tthere' });
  });

  it('treats blank text as no headers', () => {
    expect(parseHeaderJson('  \n', 'f')).toEqual({});
  });

  it('names the position of broken JSON, never the text', () => {
    expect(() => parseHeaderJson('{\n  "Authorization": "Bearer abc"\n  "X": 1\n}', 'app/api_calls/x.liquid (request_headers)')).toThrow(
      /^app\/api_calls\/x\.liquid \(request_headers\): request_headers must render to a JSON object: invalid JSON at line 3, column \d+$/,
    );
    expect(() => parseHeaderJson('"Bearer abc"', 'f')).toThrow('f: request_headers must render to a JSON object, got a string');
    expect(() => parseHeaderJson('null', 'f')).toThrow('got null');
  });
});

describe('cleanHeaders', () => {
  it('stringifies values, strips line feeds and warns once per header', () => {
    const warnings: string[] = [];
    const out = cleanHeaders({ A: 'QUJD\nREVG\n', B: 5, C: null, D: { x: 1 } }, 'n', (m) => warnings.push(m));
    expect(out).toEqual({ A: 'QUJDREVG', B: '5', C: '', D: '{"x":1}' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^n: header A contained line feeds; they were removed before sending/);
    expect(warnings[0]).not.toContain('QUJD');
  });
});
