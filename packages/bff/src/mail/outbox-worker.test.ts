import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { invitationIdOf, liveLinkKind } from '../invitations/invitation-link.ts';
import { addMember, createAccount, createUser, PUBLIC_URL, TEST_SECRET } from '../testing/fixtures.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../testing/loopback-smtp.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import type { OutboxEmailInput as OutboxEmail } from './emails.ts';
import { enqueueEmail } from './outbox.queries.ts';
import { createOutboxWorker, type OutboxWorkerOptions } from './outbox-worker.ts';
import { captureTransport, smtpTransport, type MailTransport } from './transports.ts';
import { appOn } from '../testing/test-app.ts';

const T0 = new Date('2026-06-01T12:00:00Z');
const INVITATION_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
let database: Database;
let clock: Date;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  // Each test starts with an empty outbox: a worker claims whatever is due, whoever queued it.
  await database.db.deleteFrom('outbox').execute();
  clock = T0;
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

function removalEmail(recipient: string, locale = 'en') {
  return enqueueEmail(database.db, {
    kind: 'user-removed',
    recipient,
    locale,
    payload: { firstName: 'Finn', accountName: 'Acme', groupNames: ['Finance', 'Sales'] },
    now: clock,
  });
}

async function smtpServer(options?: Parameters<typeof startLoopbackSmtp>[0]) {
  const smtp = await startLoopbackSmtp(options);
  closers.push(smtp.close);
  return smtp;
}

function worker(transport: MailTransport, options: Partial<OutboxWorkerOptions> = {}) {
  const logged: string[] = [];
  const created = createOutboxWorker({
    db: database.db,
    transport,
    secret: TEST_SECRET,
    publicUrl: PUBLIC_URL,
    now: () => clock,
    random: () => 0.5,
    retryDelayMs: 1_000,
    log: (message) => logged.push(message),
    ...options,
  });
  closers.push(async () => {
    await created.stop();
    await transport.close();
  });
  return Object.assign(created, { logged });
}

function smtpWorker(smtp: LoopbackSmtp, options?: Partial<OutboxWorkerOptions>) {
  return worker(smtpTransport(smtp.url), options);
}

/** The server accepted the email, then the worker's process froze for good: it never records it. */
function diesAfterSending(smtp: LoopbackSmtp) {
  const reliable = smtpTransport(smtp.url);
  closers.push(() => reliable.close());
  const transport: MailTransport = {
    send: (email) => reliable.send(email).then(() => new Promise<void>(() => {})),
    close: async () => {},
  };
  return (options: Partial<OutboxWorkerOptions> = {}) =>
    createOutboxWorker({ db: database.db, transport, secret: TEST_SECRET, publicUrl: PUBLIC_URL, now: () => clock, ...options });
}

const rows = () => database.db.selectFrom('outbox').selectAll().orderBy('recipient').execute();

/** A real pending invitation with this id and link version: only offered invitations are emailed. */
async function offerInvitation(invitationId: string, linkVersion: number) {
  const { db } = database;
  const account = await createAccount(db, 'Acme');
  const userId = await createUser(db, { email: `invitee-${invitationId}@example.test`, registered: false });
  await addMember(db, { accountId: account.id, userId, groupIds: [] });
  await db
    .insertInto('invitations')
    .values({
      id: invitationId,
      account_id: account.id,
      user_id: userId,
      email: `invitee-${invitationId}@example.test`,
      expires_at: new Date(T0.getTime() + 7 * 24 * 3600_000),
      link_version: linkVersion,
      state: 'pending',
    })
    .execute();
}

/** Waits for something another task does, checking every 10 ms for at most 5 s. */
async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Still waiting for ${what}`);
}

describe('outbox worker over SMTP', () => {
  it('sends each email to its recipient with subject, text, HTML and a live invitation link, then marks it sent', async () => {
    const smtp = await smtpServer();
    const invitation: OutboxEmail = {
      kind: 'invitation',
      payload: {
        invitationId: INVITATION_ID,
        linkVersion: 2,
        firstName: 'Zoé',
        accountName: 'Acme <script>x</script>',
        inviterName: 'Alex Morgan',
        expiresAt: '2026-06-08T12:00:00.000Z',
      },
    };
    await offerInvitation(INVITATION_ID, 2);
    await enqueueEmail(database.db, { ...invitation, recipient: 'zoe@example.test', locale: 'fr', now: clock });
    await removalEmail('finn@example.test');

    const sender = smtpWorker(smtp, { from: 'Acme <no-reply@roster.test>' });
    expect(await sender.deliverDue()).toBe(2);

    expect(smtp.received.map((m) => m.to)).toEqual(expect.arrayContaining([['zoe@example.test'], ['finn@example.test']]));
    const messages = await Promise.all(smtp.received.map((m) => simpleParser(m.raw)));
    const toZoe = messages.find((m) => m.subject?.includes('vous invite'))!;
    expect(toZoe.subject).toBe('Alex Morgan vous invite à rejoindre Acme <script>x</script>');
    expect(toZoe.from?.value).toEqual([{ name: 'Acme', address: 'no-reply@roster.test' }]);
    expect(toZoe.text).toContain('Bonjour Zoé,');
    expect(toZoe.html).toContain('Acme &lt;script&gt;x&lt;/script&gt;');
    expect(toZoe.html).not.toContain('<script>');

    const link = toZoe.text!.match(/http:\/\/roster\.test\/invite\/(\S+)/)!;
    expect(invitationIdOf(link[1]!)).toBe(INVITATION_ID);
    expect(liveLinkKind(link[1]!, TEST_SECRET, INVITATION_ID, 2)).toBe('emailed');
    expect(toZoe.html).toContain(`href="${link[0]}"`);

    const toFinn = messages.find((m) => m !== toZoe)!;
    expect(toFinn.subject).toBe('You were removed from Acme');
    expect(toFinn.text).toContain('- Finance\n- Sales');

    const [finn, zoe] = await rows();
    for (const row of [finn!, zoe!]) {
      expect(row).toMatchObject({ sent_at: T0, attempts: 1, claimed_until: null, dead_at: null, last_error: null });
      expect(row.message_id).toBe(`<outbox.${row.id}@roster.test>`);
    }
    expect(toZoe.messageId).toBe(zoe!.message_id);
    // Sent rows are done: nothing more is claimed, however much later.
    later(24 * 3600_000);
    expect(await sender.deliverDue()).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });

  it('does not send an invitation email whose invitation stopped being offered before it went out', async () => {
    const smtp = await smtpServer();
    const offers = {
      renewed: '11111111-1111-4111-8111-111111111111',
      accepted: '22222222-2222-4222-8222-222222222222',
      expired: '33333333-3333-4333-8333-333333333333',
      live: '44444444-4444-4444-8444-444444444444',
    };
    for (const [name, invitationId] of Object.entries(offers)) {
      await offerInvitation(invitationId, 1);
      const payload = { invitationId, linkVersion: 1, firstName: name, accountName: 'Acme', inviterName: 'Alex', expiresAt: '2026-06-08T12:00:00.000Z' };
      await enqueueEmail(database.db, { kind: 'invitation', payload, recipient: `${name}@example.test`, locale: 'en', now: clock });
    }
    const invitations = database.db.updateTable('invitations');
    await invitations.set({ link_version: 2 }).where('id', '=', offers.renewed).execute();
    await invitations.set({ state: 'accepted' }).where('id', '=', offers.accepted).execute();
    await invitations.set({ expires_at: clock }).where('id', '=', offers.expired).execute();

    expect(await smtpWorker(smtp).deliverDue()).toBe(4);
    expect(smtp.received.map((m) => m.to)).toEqual([['live@example.test']]);
    const settled = await rows();
    expect(settled.map((r) => [r.recipient, r.sent_at !== null, r.withdrawn_at !== null, r.dead_at])).toEqual([
      ['accepted@example.test', false, true, null],
      ['expired@example.test', false, true, null],
      ['live@example.test', true, false, null],
      ['renewed@example.test', false, true, null],
    ]);
    // Withdrawn is neither pending nor dead, and nothing claims it again.
    const app = appOn(database);
    expect((await (await app.request('/health')).json()).outbox).toEqual({ pending: 0, dead: 0 });
    later(24 * 3600_000);
    expect(await smtpWorker(smtp).deliverDue()).toBe(0);
  });

  it('keeps every email while the SMTP server is down, backing off, and delivers each once when it is back', async () => {
    const smtp = await startLoopbackSmtp();
    const { port } = smtp;
    await smtp.close();
    for (let i = 0; i < 5; i++) await removalEmail(`person${i}@example.test`);
    const sender = worker(smtpTransport(`smtp://127.0.0.1:${port}`));

    expect(await sender.deliverDue()).toBe(5);
    for (const row of await rows()) {
      expect(row).toMatchObject({ sent_at: null, dead_at: null, attempts: 1, claimed_until: null });
      expect(row.last_error).toMatch(/ECONNREFUSED/);
      expect(row.next_attempt_at).toEqual(new Date(T0.getTime() + 1_000));
    }
    expect(sender.logged).toHaveLength(5);
    expect(sender.logged[0]).toMatch(/attempt 1\/10 failed, next try at 2026-06-01T12:00:01.000Z/);
    // Not due before its backoff has passed.
    expect(await sender.deliverDue()).toBe(0);

    later(1_000);
    expect(await sender.deliverDue()).toBe(5);
    // The delay doubles with each attempt.
    for (const row of await rows()) expect(row.next_attempt_at).toEqual(new Date(clock.getTime() + 2_000));

    const back = await smtpServer({ port });
    later(2_000);
    expect(await sender.deliverDue()).toBe(5);
    expect(back.received.map((m) => m.to[0]).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `person${i}@example.test`));
    for (const row of await rows()) expect(row).toMatchObject({ sent_at: clock, attempts: 3 });
  });

  it('sends again with the same Message-ID when a worker died between sending and recording it', async () => {
    const smtp = await smtpServer();
    await removalEmail('finn@example.test');
    const doomed = diesAfterSending(smtp)({ leaseMs: 60_000 });
    void doomed.deliverDue();
    await until(() => smtp.received.length === 1, 'the first send');
    const [claimed] = await rows();
    expect(claimed).toMatchObject({ sent_at: null, attempts: 1, claimed_until: new Date(T0.getTime() + 60_000) });

    const survivor = smtpWorker(smtp);
    later(30_000);
    expect(await survivor.deliverDue()).toBe(0);
    later(31_000);
    expect(await survivor.deliverDue()).toBe(1);

    expect(smtp.received).toHaveLength(2);
    const [first, second] = await Promise.all(smtp.received.map((m) => simpleParser(m.raw)));
    expect(first!.messageId).toBe(`<outbox.${claimed!.id}@roster.test>`);
    expect(second!.messageId).toBe(first!.messageId);
    const [sent] = await rows();
    expect(sent).toMatchObject({ sent_at: clock, attempts: 2, claimed_until: null, message_id: first!.messageId });
  });

  it('gives up, without sending again, on an email whose last attempt never finished', async () => {
    const smtp = await smtpServer();
    await removalEmail('finn@example.test');
    const doomed = diesAfterSending(smtp)({ maxAttempts: 1 });
    void doomed.deliverDue();
    await until(() => smtp.received.length === 1, 'the first send');

    later(3 * 60_000);
    const survivor = smtpWorker(smtp, { maxAttempts: 1 });
    expect(await survivor.deliverDue()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [row] = await rows();
    expect(row).toMatchObject({ sent_at: null, dead_at: clock, claimed_until: null });
    expect(row!.last_error).toMatch(/never finished/);
  });

  it('marks an address the server refuses for good (550) dead at once, shows it on /health, and sends the others', async () => {
    const smtp = await smtpServer({ refuseRecipient: (address) => (address === 'gone@example.test' ? 550 : undefined) });
    await removalEmail('gone@example.test');
    await removalEmail('here@example.test');
    const sender = smtpWorker(smtp);
    expect(await sender.deliverDue()).toBe(2);

    const [gone, here] = await rows();
    expect(gone).toMatchObject({ sent_at: null, dead_at: T0, attempts: 1, claimed_until: null });
    expect(gone!.last_error).toMatch(/550/);
    expect(here).toMatchObject({ sent_at: T0, dead_at: null });
    expect(smtp.received.map((m) => m.to)).toEqual([['here@example.test']]);
    expect(sender.logged).toEqual([expect.stringMatching(new RegExp(`^email ${gone!.id} \\(user-removed\\), attempt 1/10: dead\\. .*550`))]);

    later(7 * 24 * 3600_000);
    expect(await sender.deliverDue()).toBe(0);

    const app = appOn(database);
    await removalEmail('queued@example.test');
    expect(await (await app.request('/health')).json()).toEqual({
      ok: true,
      database: database.kind,
      outbox: { pending: 1, dead: 1 },
    });
  });

  it('marks a row that cannot become an email dead without sending anything', async () => {
    const smtp = await smtpServer();
    await database.db
      .insertInto('outbox')
      .values({ kind: 'user-removed', recipient: 'finn@example.test', locale: 'en', payload: JSON.stringify({ firstName: 'Finn' }), next_attempt_at: clock })
      .execute();
    expect(await smtpWorker(smtp).deliverDue()).toBe(1);
    expect(smtp.received).toEqual([]);
    const [row] = await rows();
    expect(row).toMatchObject({ sent_at: null, dead_at: T0, attempts: 1 });
    expect(row!.last_error).toMatch(/^Cannot be written: Malformed user-removed payload \(accountName/);
  });

  it('retries a temporary refusal (451) with growing delays, then gives up after the last attempt', async () => {
    const smtp = await smtpServer({ refuseRecipient: () => 451 });
    await removalEmail('busy@example.test');
    const sender = smtpWorker(smtp, { maxAttempts: 3 });

    let claims = 0;
    for (let hour = 0; hour < 10; hour++) {
      claims += await sender.deliverDue();
      later(3600_000);
    }
    expect(claims).toBe(3);
    expect(smtp.received).toEqual([]);
    const [row] = await rows();
    expect(row).toMatchObject({ sent_at: null, dead_at: new Date(T0.getTime() + 2 * 3600_000), attempts: 3 });
    expect(row!.last_error).toMatch(/451/);
  });

  it('on stop, finishes the email being sent and hands back the claimed ones not yet started', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived = false;
    const smtp = await smtpServer({ beforeAccept: () => ((arrived = true), held) });
    for (let i = 0; i < 3; i++) await removalEmail(`person${i}@example.test`);
    const sender = smtpWorker(smtp, { concurrency: 1, batchSize: 3, pollIntervalMs: 10 });

    sender.start();
    await until(() => arrived, 'the first email to reach the server');
    let stopped = false;
    const stopping = sender.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(smtp.received).toHaveLength(1);
    const all = await rows();
    expect(all.filter((row) => row.sent_at !== null)).toHaveLength(1);
    for (const row of all.filter((r) => r.sent_at === null)) {
      expect(row).toMatchObject({ claimed_until: null, attempts: 0, dead_at: null });
    }
    // Handed back means due at once for the next worker.
    const next = smtpWorker(smtp);
    expect(await next.deliverDue()).toBe(2);
    expect(smtp.received).toHaveLength(3);
  });
});

describe('capture transport (the demo mailbox)', () => {
  it('keeps the newest emails first, up to its limit', async () => {
    const mailbox = captureTransport({ limit: 2, now: () => clock });
    for (let i = 0; i < 3; i++) await removalEmail(`person${i}@example.test`);
    const sender = worker(mailbox, { batchSize: 1 });
    for (let i = 0; i < 3; i++) {
      later(1_000);
      expect(await sender.deliverDue()).toBe(1);
    }
    const kept = mailbox.list();
    expect(kept).toHaveLength(2);
    expect(kept.map((email) => email.sentAt)).toEqual([new Date(T0.getTime() + 3_000).toISOString(), new Date(T0.getTime() + 2_000).toISOString()]);
    expect(kept[0]).toMatchObject({ subject: 'You were removed from Acme', text: expect.stringContaining('- Finance'), html: expect.stringContaining('<li>Finance</li>') });
    expect(new Set(kept.map((email) => email.to)).size).toBe(2);
  });
});
