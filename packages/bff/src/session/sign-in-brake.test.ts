import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppOptions } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { createUser, ORIGIN, TEST_PASSWORD } from '../testing/fixtures.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { BRAKE, networkOf } from './sign-in-brake.ts';
import { appOn, type TestApp } from '../testing/test-app.ts';

const OWNER = 'owner@initech.test';
const MINUTE = 60 * 1000;
let database: Database;
let clock: Date;
let app: TestApp;

const makeApp = (options: Partial<AppOptions> = {}) =>
  appOn(database, { now: () => clock, ...options });

/**
 * POST /session as @hono/node-server would serve it from a socket at `address` (its getConnInfo
 * reads `env.incoming.socket`); no address means none is known.
 */
async function signInFrom(address: string | undefined, email: string, password: string, options: { on?: typeof app; headers?: Record<string, string> } = {}) {
  const env = address ? { incoming: { socket: { remoteAddress: address } } } : undefined;
  return (options.on ?? app).request(
    '/session',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...options.headers },
      body: JSON.stringify({ email, password }),
    },
    env,
  );
}

const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

async function expectRefusal(response: Response, code: string, detail: RegExp) {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = await response.json();
  expect(problem.code).toBe(code);
  expect(problem.detail).toMatch(detail);
  // The same wait in the body, for screens that cannot read headers.
  expect(problem.retryAfter).toBe(Number(response.headers.get('retry-after')));
  return problem.retryAfter as number;
}

const attemptKeys = async () => (await database.db.selectFrom('sign_in_attempts').select('key').execute()).map((row) => row.key).sort();

/** Wrong guesses at OWNER, each from another address, so only the per-email limit can hold them. */
async function guessFromManyAddresses(count: number, firstHost = 1) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await signInFrom(`198.51.${100 + Math.floor((firstHost + i) / 250)}.${(firstHost + i) % 250}`, OWNER, `guess-${i}`)).status);
  return statuses;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = makeApp();
  await createUser(database.db, { email: OWNER, firstName: 'Olive', lastName: 'Owner' });
});
afterAll(() => database.close());
beforeEach(async () => {
  clock = new Date('2026-06-01T12:00:00Z');
  await database.db.deleteFrom('sign_in_attempts').execute();
  await database.db.deleteFrom('known_sign_in_addresses').execute();
});

describe('the per-device limit (one email from one address)', () => {
  it('checks 5 wrong passwords, then refuses even the right one from there, saying why, until its window ends', async () => {
    for (let i = 0; i < BRAKE.device.maxFailures; i++) expect((await signInFrom('203.0.113.5', OWNER, `wrong-${i}`)).status).toBe(401);
    const retryAfter = await expectRefusal(
      await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD),
      'too_many_attempts',
      /^Too many attempts from this device; try again in 15 minutes\.$/,
    );
    expect(retryAfter).toBe(BRAKE.device.windowMs / 1000);
    later(BRAKE.device.windowMs);
    expect((await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD)).status).toBe(200);
  });

  it('is no lock-out weapon: a stranger\'s wrong passwords never refuse the owner at their own address', async () => {
    for (let i = 0; i < 3 * BRAKE.device.maxFailures; i++) await signInFrom('192.0.2.66', OWNER, `wrong-${i}`);
    expect((await signInFrom('192.0.2.66', OWNER, 'wrong')).status).toBe(429);
    expect((await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD)).status).toBe(200);
  });

  it('brakes unknown emails the same way, so the brake does not reveal who exists', async () => {
    const statuses = [];
    for (let i = 0; i <= BRAKE.device.maxFailures; i++) statuses.push((await signInFrom('203.0.113.5', 'ghost@initech.test', 'x')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('cannot be outrun in parallel: of 30 simultaneous attempts no more than the limit are checked', async () => {
    // 29 wrong passwords and, last, the right one, all fired at once.
    const passwords = [...Array.from({ length: 29 }, (_, i) => `wrong-${i}`), TEST_PASSWORD];
    const statuses = await Promise.all(passwords.map((password) => signInFrom('203.0.113.5', OWNER, password).then((r) => r.status)));
    const wrongChecked = statuses.slice(0, 29).filter((status) => status === 401).length;
    expect(wrongChecked).toBeLessThanOrEqual(BRAKE.device.maxFailures);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(30 - BRAKE.device.maxFailures - 1);
    expect(statuses.every((status) => [200, 401, 429].includes(status))).toBe(true);
    const device = await database.db.selectFrom('sign_in_attempts').selectAll().where('key', '=', `device:${OWNER} 203.0.113.5`).executeTakeFirstOrThrow();
    expect(device.failures).toBe(wrongChecked);
  });

  it('counts across BFF instances sharing one database', async () => {
    const other = makeApp();
    for (let i = 0; i < BRAKE.device.maxFailures; i++) await signInFrom('203.0.113.5', OWNER, 'wrong', { on: i % 2 ? other : app });
    expect((await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD, { on: other })).status).toBe(429);
    expect((await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD, { on: app })).status).toBe(429);
  });

  it('treats one IPv6 /64 as one device, however many addresses it rotates through', async () => {
    for (let i = 0; i < BRAKE.device.maxFailures; i++) expect((await signInFrom(`2001:db8:7:1::${i + 1}`, OWNER, 'wrong')).status).toBe(401);
    expect((await signInFrom('2001:db8:7:1:ffff:1:2:3', OWNER, TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom('2001:db8:7:2::1', OWNER, TEST_PASSWORD)).status).toBe(200);
    expect(networkOf('2001:0db8:0007:0001:0000:0000:0000:0009')).toBe('2001:db8:7:1::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
  });
});

describe('the per-email limit (from every address together)', () => {
  it('slows guessing down with a growing delay rather than locking the owner out', async () => {
    const statuses = await guessFromManyAddresses(BRAKE.email.freeFailures + 3);
    // Free guesses, then the next is refused until a delay passes.
    expect(statuses.slice(0, BRAKE.email.freeFailures + 1)).toEqual(Array(BRAKE.email.freeFailures + 1).fill(401));
    expect(statuses.slice(BRAKE.email.freeFailures + 1)).toEqual([429, 429]);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await signInFrom(`192.0.2.${10 + i}`, OWNER, 'wrong');
      const wait = await expectRefusal(response, 'sign_in_slowed_down', /; try again in \d+ seconds?\.$/);
      delays.push(wait);
      later(wait * 1000);
      expect((await signInFrom(`192.0.2.${10 + i}`, OWNER, 'wrong')).status).toBe(401);
    }
    expect(delays).toEqual([1, 2, 4, 8]);
  });

  it('lets the owner in from a new address after a short delay, and at once from one they signed in from', async () => {
    expect((await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD)).status).toBe(200);
    // Guessers from many addresses push the delay up to its ceiling, taking every slot it leaves.
    for (let host = 1, wait = 0; wait < BRAKE.email.maxDelayMs / 1000; host++) {
      const response = await signInFrom(`198.51.100.${host}`, OWNER, 'guess');
      wait = response.status === 429 ? Number(response.headers.get('retry-after')) : 0;
      if (wait > 0 && wait < BRAKE.email.maxDelayMs / 1000) later(wait * 1000);
    }
    // A new address of the owner's waits at most that long…
    const wait = await expectRefusal(await signInFrom('198.18.0.1', OWNER, TEST_PASSWORD), 'sign_in_slowed_down', /try again in/);
    expect(wait).toBe(BRAKE.email.maxDelayMs / 1000);
    // …while the owner's usual address is not slowed at all, even mid-attack.
    expect((await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD)).status).toBe(200);
    later(wait * 1000);
    expect((await signInFrom('198.18.0.1', OWNER, TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps the guesses against one email from all addresses at most 100 in any hour', async () => {
    // An attacker with an address to spare for every attempt, trying every 10 s for 90 minutes.
    const checkedAt: number[] = [];
    for (let step = 0; step < (90 * MINUTE) / 10_000; step++) {
      const status = (await signInFrom(`10.${Math.floor(step / 250)}.${step % 250}.1`, OWNER, `guess-${step}`)).status;
      expect([401, 429]).toContain(status);
      if (status === 401) checkedAt.push(clock.getTime());
      later(10_000);
    }
    const worstHour = Math.max(...checkedAt.map((start) => checkedAt.filter((t) => t >= start && t < start + 60 * MINUTE).length));
    expect(worstHour).toBeLessThanOrEqual(100);
    // The brake slows, it does not stop: the attacker still got a guess a minute or so.
    expect(checkedAt.length).toBeGreaterThan(90);
  }, 120_000);
});

describe('the per-address limit (one address, any emails)', () => {
  it('refuses an address that failed for many emails, saying so, and no other', async () => {
    for (let i = 0; i < BRAKE.address.maxFailures; i++) {
      expect((await signInFrom('203.0.113.99', `person${i}@initech.test`, 'wrong')).status).toBe(401);
    }
    await expectRefusal(
      await signInFrom('203.0.113.99', OWNER, TEST_PASSWORD),
      'too_many_attempts_from_address',
      /^Too many failed sign-ins from your network; try again in 15 minutes\.$/,
    );
    expect((await signInFrom('203.0.113.100', OWNER, TEST_PASSWORD)).status).toBe(200);
  }, 120_000);
});

describe('the client address', () => {
  it('is the socket\'s: X-Forwarded-For is anyone\'s to write unless the host trusts its proxy', async () => {
    await signInFrom('10.0.0.1', OWNER, 'wrong', { headers: { 'x-forwarded-for': '198.51.100.9' } });
    expect(await attemptKeys()).toEqual(['address:10.0.0.1', `device:${OWNER} 10.0.0.1`, `email:${OWNER}`]);
  });

  it('is the trusted proxy\'s X-Forwarded-For entry with trustProxy, ignoring what the client prepended', async () => {
    const proxied = makeApp({ trustProxy: true });
    const headers = { 'x-forwarded-for': '6.6.6.6, 198.51.100.9' };
    await signInFrom('10.0.0.1', OWNER, 'wrong', { on: proxied, headers });
    expect(await attemptKeys()).toEqual(['address:198.51.100.9', `device:${OWNER} 198.51.100.9`, `email:${OWNER}`]);
    await database.db.deleteFrom('sign_in_attempts').execute();
    // Two proxies of the host's own: the client is the entry the outer one wrote.
    await signInFrom('10.0.0.1', OWNER, 'wrong', { on: makeApp({ trustProxy: 2 }), headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.9, 10.0.0.2' } });
    expect(await attemptKeys()).toEqual(['address:198.51.100.9', `device:${OWNER} 198.51.100.9`, `email:${OWNER}`]);
  });

  it('falls back to one shared "unknown" address when none is known, braking all such requests together', async () => {
    for (let i = 0; i < BRAKE.device.maxFailures; i++) await signInFrom(undefined, OWNER, 'wrong');
    expect(await attemptKeys()).toEqual(['address:unknown', `device:${OWNER} unknown`, `email:${OWNER}`]);
    expect((await signInFrom(undefined, OWNER, TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom('203.0.113.5', OWNER, TEST_PASSWORD)).status).toBe(200);
  });

  it('reads an IPv4 client behind an IPv6 socket as the IPv4 address', async () => {
    await signInFrom('::ffff:203.0.113.5', OWNER, 'wrong');
    expect(await attemptKeys()).toContain(`device:${OWNER} 203.0.113.5`);
  });
});
