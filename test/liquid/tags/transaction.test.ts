import { describe, expect, it, vi } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance, type TestInstance } from '../../helpers/app.js';

const FILES = {
    'app/schema/contact.yml': 'name: contact\nproperties:\n  - name: name\n    type: string\n',
    'app/graphql/contacts/create.graphql': `mutation contact_create($name: String!) {
  record_create(record: { table: "contact", properties: [{ name: "name", value: $name }] }) { id name: property(name: "name") }
}`,
    'app/graphql/contacts/count.graphql': 'query { records(filter: { table: { value: "contact" } }, per_page: 1) { total_entries } }',
    'app/views/partials/commands/create.liquid': "{% graphql r = 'contacts/create', name: name %}{% return r.record_create %}",
    'app/views/partials/later.liquid': '{% log "job ran" %}',
};

function app(): TestInstance {
  return makeInstance(FILES);
}

const count = async (i: TestInstance) => render("{% graphql c = 'contacts/count' %}{{ c.records.total_entries }}", {}, { instance: i });

describe('transaction tag', () => {
  it('rolls back through a try block: try does not catch rollback', async () => {
    const i = app();
    const out = await render(
      "{% transaction %}{% graphql r = 'contacts/create', name: 'Tia' %}{% try %}{% rollback %}{% catch e %}caught{% endtry %}after{% endtransaction %}done",
      {},
      { instance: i },
    );
    expect(out).toBe('done');
    expect(await count(i)).toBe('0');
  });

  it('commits what the body created; assigns inside are visible after', async () => {
    const i = app();
    const out = await render("{% transaction timeout: 5 %}{% graphql r = 'contacts/create', name: 'Ann' %}{% endtransaction %}{{ r.record_create.name }}", {}, { instance: i });
    expect(out).toBe('Ann');
    expect(await count(i)).toBe('1');
    expect(i.store.db.inTransaction).toBe(false);
  });

  it("rolls back on rollback (the docs' example) and goes on after endtransaction", async () => {
    const i = app();
    const out = await render(
      `{% liquid
  transaction
    function order = 'commands/create', name: 'Bob'
    background _ = 'later'
    unless order.valid
      rollback
    endunless
    echo 'not reached'
  endtransaction
  echo order.name
%}`,
      {},
      { instance: i },
    );
    expect(out).toBe('Bob');
    expect(await count(i)).toBe('0');
    // The job queued inside was rolled back with it.
    expect(i.jobs.list()).toEqual([]);
  });

  it('queues a background job scheduled inside only on commit', async () => {
    const i = app();
    await render("{% transaction %}{% background j = 'later' %}{% endtransaction %}", {}, { instance: i });
    expect(i.jobs.list()).toHaveLength(1);
    await i.jobs.flush();
    expect(i.store.logs.since(0, 10, 'info').map((e) => e.message)).toEqual(['job ran']);
  });

  it('keeps log entries written inside a rolled back transaction', async () => {
    const i = app();
    await render("{% transaction %}{% log 'before rollback' %}{% graphql r = 'contacts/create', name: 'Al' %}{% rollback %}{% endtransaction %}{% log 'after' %}", {}, { instance: i });
    expect(i.store.logs.since(0, 10, 'info').map((e) => e.message)).toEqual(['before rollback', 'after']);
    expect(await count(i)).toBe('0');
  });

  it('does not let the worker start a job queued inside a transaction that rolls back', async () => {
    const i = makeInstance(
      { ...FILES, 'app/views/partials/later.liquid': "{% log 'job ran' %}" },
      { worker: true },
    );
    await render("{% transaction %}{% background _ = 'later' %}{% graphql c = 'contacts/count' %}{% graphql c = 'contacts/count' %}{% rollback %}{% endtransaction %}", {}, { instance: i });
    await render("{% background _ = 'later' %}", {}, { instance: i });
    await vi.waitFor(() => expect(i.jobs.list({ status: 'done' })).toHaveLength(1), { timeout: 10_000 });
    expect(i.jobs.list()).toHaveLength(1);
    expect(i.store.logs.since(0, 10, 'info').map((e) => e.message)).toEqual(['job ran']);
  });

  it('does not run jobs while a transaction is open, even when asked to', async () => {
    const i = app();
    await i.services.transaction(async () => {
      await render("{% background _ = 'later' %}", {}, { instance: i });
      await i.jobs.flush();
      expect(i.jobs.list({ status: 'pending' })).toHaveLength(1);
    });
    await i.jobs.flush();
    expect(i.jobs.list({ status: 'done' })).toHaveLength(1);
  });

  it('rolls back on an error and raises it again', async () => {
    const i = app();
    const src = "{% transaction %}{% graphql r = 'contacts/create', name: 'Cy' %}\n{{ 1 | divided_by: 0 }}{% endtransaction %}";
    await expect(render(src, {}, { instance: i })).rejects.toThrow(/divided by 0/);
    expect(await count(i)).toBe('0');
    expect(i.store.db.inTransaction).toBe(false);
  });

  it('rolls back only the inner transaction of nested ones', async () => {
    const i = app();
    await render(
      "{% transaction %}{% graphql a = 'contacts/create', name: 'A' %}{% transaction %}{% graphql b = 'contacts/create', name: 'B' %}{% rollback %}{% endtransaction %}{% endtransaction %}",
      {},
      { instance: i },
    );
    expect(await count(i)).toBe('1');
  });

  it('runs concurrent transactions one after the other', async () => {
    const i = app();
    const one = (name: string, roll: boolean) =>
      render(`{% transaction %}{% graphql r = 'contacts/create', name: '${name}' %}{% graphql c = 'contacts/count' %}${roll ? '{% rollback %}' : ''}{% endtransaction %}`, {}, { instance: i });
    await Promise.all([one('A', true), one('B', false), one('C', true), one('D', false)]);
    expect(await count(i)).toBe('2');
  });

  it('rejects a bad timeout and rollback outside a transaction', async () => {
    const i = app();
    await expect(render("{% transaction timeout: 'x' %}{% endtransaction %}", {}, { instance: i })).rejects.toThrow(/timeout must be a positive number of seconds, got "x"/);
    await expect(render('a\n{% rollback %}', {}, { instance: i })).rejects.toThrow(/rollback outside a transaction/);
  });
});
