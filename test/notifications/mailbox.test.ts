import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, makeInstance } from '../helpers/app.js';

afterAll(closeAll);

const FILES = {
  'app/views/layouts/mailer.liquid': 'Header\n{{ content_for_layout }}\nFooter',
  'app/emails/welcome_user.liquid': `---
to: '{{ form.email }}'
from: 'Example Marketplace <info@example.com>'
reply_to: no-reply@example.com
subject: 'Welcome {{ form.first_name }} in our marketplace!'
layout: mailer
---
<h1>Hi {{ form.first_name }}!</h1>`,
  'app/smses/welcome_user.liquid': `---
to: '{{ form.properties.phone_number }}'
---
Hello {{ form.first_name }} via sms.`,
  'app/emails/later.liquid': `---
to: a@example.com
subject: later
delay: 1
---
x`,
  'app/emails/broken.liquid': `---
to: '{{ form.email }}'
subject: '{{ form.email | parse_json }}'
---
x`,
  'app/smses/nobody.liquid': `---
to: '{{ form.missing }}'
---
x`,
};

describe('emails and SMS', () => {
  it('render an email (HTML-escaped body inside its layout) into the mailbox and log it', async () => {
    const inst = makeInstance(FILES);
    const res = await inst.notifier.enqueue('email', 'welcome_user', { form: { email: 'michael@dundermifflin.com', first_name: 'Michael <b>' } });
    expect(res.status).toBe('stored');
    const msg = inst.store.mailbox.get(res.id!)!;
    expect(msg).toMatchObject({
      kind: 'email',
      name: 'welcome_user',
      to: 'michael@dundermifflin.com',
      subject: 'Welcome Michael <b> in our marketplace!',
      body: 'Header\n<h1>Hi Michael &lt;b&gt;!</h1>\nFooter',
      fields: { from: 'Example Marketplace <info@example.com>', reply_to: 'no-reply@example.com' },
    });
    const [log] = inst.store.logs.since(0, 10, 'email');
    expect(log.message).toBe(`welcome_user: to michael@dundermifflin.com, subject "Welcome Michael <b> in our marketplace!" (mailbox #${res.id}; posemu keeps emails locally and never sends them)`);
    expect(log.data.page).toBe('app/emails/welcome_user.liquid');
  });

  it('render an SMS into the mailbox', async () => {
    const inst = makeInstance(FILES);
    const res = await inst.notifier.enqueue('sms', 'welcome_user', { form: { first_name: 'Michael', properties: { phone_number: '+48123456789' } } });
    expect(inst.store.mailbox.get(res.id!)).toMatchObject({ kind: 'sms', to: '+48123456789', body: 'Hello Michael via sms.', subject: '' });
    expect(inst.store.logs.since(0, 10, 'sms')[0].message).toContain('welcome_user: to +48123456789, "Hello Michael via sms."');
  });

  it('queue a delayed email in the outbox; it reaches the mailbox when due', async () => {
    const inst = makeInstance(FILES);
    const res = await inst.notifier.enqueue('email', 'later', {});
    expect(res.status).toBe('queued');
    await inst.notifier.flush();
    expect(inst.store.mailbox.list()).toHaveLength(0);
    // Make it due now, as if the minute had passed.
    inst.store.db.prepare('UPDATE outbox SET due_at = 0 WHERE id = ?').run(res.id);
    await inst.notifier.flush();
    expect(inst.store.mailbox.list().map((m) => m.subject)).toEqual(['later']);
    expect(inst.store.outbox.get(res.id!)!.status).toBe('delivered');
  });

  it('log render errors (naming the file and field) and an empty recipient, storing nothing', async () => {
    const inst = makeInstance(FILES);
    expect((await inst.notifier.enqueue('email', 'broken', { form: { email: 'x' } })).status).toBe('failed');
    expect((await inst.notifier.enqueue('sms', 'nobody', { form: {} })).status).toBe('failed');
    expect(inst.store.mailbox.list()).toHaveLength(0);
    expect(inst.store.logs.since(0, 10, 'email_error')[0].message).toMatch(/^app\/emails\/broken\.liquid \(subject\):1:\d+ parse_json: invalid JSON/);
    expect(inst.store.logs.since(0, 10, 'sms_error')[0].message).toBe('app/smses/nobody.liquid (to): the recipient is empty');
  });
});
