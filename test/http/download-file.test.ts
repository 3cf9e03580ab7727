import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../helpers/render.js';
import { makeInstance, type TestInstance } from '../helpers/app.js';
import { refusedUrl, startSink, type Sink } from '../helpers/twilio-stub.js';

let sink: Sink;
let inst: TestInstance;
beforeAll(async () => {
  sink = await startSink();
  inst = makeInstance({}, { outbound: { 'files.example.test': sink.url }, httpTimeoutMs: 500 });
});
afterAll(() => sink.close());

describe('download_file', () => {
  it('downloads through the instance client (outbound redirects apply); parse_json reads it', async () => {
    const out = await render("{% assign data = 'https://files.example.test/data.json' | download_file | parse_json %}{{ data.ok }}", {}, { instance: inst });
    expect(out).toBe('true');
    expect(sink.received.at(-1)).toMatchObject({ method: 'GET', path: '/data.json' });
  });

  it('refuses a body over max_size (megabytes)', async () => {
    await expect(render("{{ 'https://files.example.test/x' | download_file: 0.00001 }}", {}, { instance: inst })).rejects.toThrow(/download_file: GET https:\/\/files\.example\.test\/x: response body is over 10 bytes/);
  });

  it('names the argument when max_size is out of range', async () => {
    await expect(render("{{ 'https://files.example.test/x' | download_file: 51 }}", {}, { instance: inst })).rejects.toThrow('download_file: max_size must be a number of megabytes above 0 and at most 50, got 51');
  });

  it('fails with the URL and the answer for 4xx/5xx and unreachable hosts', async () => {
    sink.mode = 'error500';
    try {
      await expect(render("{{ 'https://files.example.test/gone' | download_file }}", {}, { instance: inst })).rejects.toThrow('download_file: GET https://files.example.test/gone answered 500');
    } finally {
      sink.mode = 'ok';
    }
    const url = await refusedUrl();
    await expect(render(`{{ '${url}/x' | download_file }}`, {}, { instance: inst })).rejects.toThrow(`download_file: GET ${url}/x: connection refused`);
  });
});
