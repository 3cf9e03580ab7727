import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance, type TestInstance } from '../../helpers/app.js';

const EXAMPLE_PARTIAL = `{% liquid
  log not_available_in_background
  log data
  log hey
  log context.session
  assign not_available_outside = "You will not see me"
%}`;

function app(files: Record<string, string> = {}): TestInstance {
  return makeInstance({ 'app/views/partials/example_partial.liquid': EXAMPLE_PARTIAL, ...files });
}

const far = () => Date.now() + 24 * 3600_000;
const messages = (i: TestInstance, type = 'info') => i.store.logs.since(0, 100, type).map((e) => e.message);

describe('background tag (partial form)', () => {
  it("runs the docs' example later with only the passed variables, output discarded", async () => {
    const i = app();
    const out = await render(
      `{% liquid
  assign my_data = null | hash_merge: hello: "world"
  assign not_available_in_background = "You will not see me "
  background job_id = 'example_partial', delay: 0.1, max_attempts: 3, source_name: 'custom_job', data: my_data, hey: 'hello'
  echo not_available_outside
%}{{ job_id }}`,
      {},
      { instance: i },
    );
    const [job] = i.jobs.list();
    expect(out).toBe(String(job!.id));
    expect(job).toMatchObject({ kind: 'partial', name: 'example_partial', status: 'pending', max_attempts: 3, source_name: 'custom_job' });
    expect(JSON.parse(job!.vars)).toEqual({ data: { hello: 'world' }, hey: 'hello' });
    // delay is in minutes: 0.1 min = 6 s after scheduling.
    expect(job!.run_at - Date.parse(job!.created_at)).toBe(6000);
    await i.jobs.flush(Date.parse(job!.created_at) + 5999);
    expect(i.jobs.get(job!.id)!.status).toBe('pending');
    expect(messages(i)).toEqual([]);
    await i.jobs.flush(job!.run_at);
    expect(i.jobs.get(job!.id)!.status).toBe('done');
    expect(messages(i)).toEqual(['', '{"hello":"world"}', 'hello', '{}']);
  });

  it('gives the job a copy of the request context', async () => {
    const i = app({ 'app/views/partials/ctx.liquid': '{% log context.language %}{% log context.page %}{% log context.current_user %}' });
    await render("{% background _ = 'ctx' %}", {}, { instance: i });
    await i.jobs.flush();
    expect(messages(i)).toEqual(['en', '', '']);
  });

  it('rejects an unknown partial at once, naming it', async () => {
    const i = app();
    await expect(render("{% background j = 'nope/missing', a: 1 %}", {}, { instance: i })).rejects.toThrow(/"nope\/missing".*can't find partial/);
    expect(i.jobs.list()).toEqual([]);
  });

  it.each([
    ['delay: -1', /delay must be a number of minutes, 0 or more, got -1/],
    ["delay: 'soon'", /delay must be a number of minutes, 0 or more, got "soon"/],
    ['max_attempts: 6', /max_attempts must be a whole number from 1 to 5, got 6/],
    ['max_attempts: 0', /max_attempts must be a whole number from 1 to 5, got 0/],
    ["priority: 'urgent'", /priority must be one of low, default, high, got "urgent"/],
  ])('rejects %s', async (arg, error) => {
    const i = app();
    await expect(render(`{% background j = 'example_partial', ${arg} %}`, {}, { instance: i })).rejects.toThrow(error);
    expect(i.jobs.list()).toEqual([]);
  });

  it('retries up to max_attempts, then records the failure with file:line', async () => {
    const i = app({ 'app/views/partials/fails.liquid': 'ok\n{{ 1 | divided_by: 0 }}' });
    await render("{% background j = 'fails', max_attempts: 2 %}", {}, { instance: i });
    const [job] = i.jobs.list();
    await i.jobs.flush();
    const retried = i.jobs.get(job!.id)!;
    expect(retried).toMatchObject({ status: 'pending', attempts: 1 });
    expect(retried.error).toMatch(/fails\.liquid:2:\d+/);
    await i.jobs.flush(far());
    const failed = i.jobs.get(job!.id)!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    const errors = messages(i, 'background_error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/app\/views\/partials\/fails\.liquid:2:\d+ .*attempt 1\/2; will retry/);
    expect(errors[1]).toMatch(/attempt 2\/2; failed/);
    await i.jobs.flush(far() + 3600_000);
    expect(i.jobs.get(job!.id)!.attempts).toBe(2);
  });

  it('runs a partial deleted after scheduling as a failure naming it', async () => {
    const i = app();
    await render("{% background j = 'example_partial' %}", {}, { instance: i });
    const [job] = i.jobs.list();
    i.store.db.prepare("UPDATE jobs SET name = 'gone' WHERE id = ?").run(job!.id);
    await i.jobs.flush();
    expect(i.jobs.get(job!.id)!.error).toMatch(/"gone" \(can't find partial/);
  });
});

describe('background tag (deprecated block form)', () => {
  const DOCS = `{% assign my_data = '{"hello":"world"}' | parse_json %}
{% assign not_available_in_background = "You will not see me" %}
{% background priority: 'low', delay: 0.5, max_attempts: 3, source_name: "my custom job", data: my_data, hey: 'hello' %}
  {% log not_available_in_background %} {% comment %}Will be null{% endcomment %}
  {% log data %}
  {% log hey %}
  {% assign not_available_outside = "You will not see me" %}
  {{ not_available_outside }}
{% endbackground %}
{{ not_available_outside }}`;

  it("runs the docs' example as a job with only the passed variables", async () => {
    const i = app();
    const out = await render(DOCS, {}, { instance: i });
    expect(out.trim()).toBe('');
    const [job] = i.jobs.list();
    expect(job).toMatchObject({ kind: 'block', priority: 'low', source_name: 'my custom job', max_attempts: 3, file: 'test.liquid' });
    expect(job!.run_at - Date.parse(job!.created_at)).toBe(30_000);
    await i.jobs.flush(job!.run_at);
    expect(messages(i)).toEqual(['', '{"hello":"world"}', 'hello']);
    expect(i.jobs.get(job!.id)!.status).toBe('done');
  });

  it('works inside {% liquid %} and names the file line of an error', async () => {
    const i = app();
    await render("{% liquid\n  assign x = 2\n  background data: x\n    log data\n    log data | divided_by: 0\n  endbackground\n%}", {}, { instance: i });
    await i.jobs.flush();
    expect(messages(i)).toEqual(['2']);
    expect(messages(i, 'background_error')[0]).toMatch(/^test\.liquid:5:\d+ /);
  });

  it('fails to load when not closed', () => {
    const i = app();
    expect(() => i.liquid.parse('{% background %}{% log 1 %}', 'x.liquid')).toThrow(/not closed.*endbackground/);
  });
});
