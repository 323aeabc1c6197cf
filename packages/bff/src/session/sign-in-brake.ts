import type { Kysely } from 'kysely';
import { inTransaction } from '../db/transaction.ts';
import type { DB } from '../db/types.ts';
import { ProblemError } from '../errors.ts';
import * as queries from './sign-in-brake.queries.ts';

const MINUTE = 60 * 1000;

/**
 * The sign-in brake, as OWASP advises: a tight limit per (email, address) — "this device" — that
 * stops one guesser; a loose per-email limit that slows guessing from everywhere with a growing
 * delay instead of locking the owner out (and skips addresses the owner signed in from); and a
 * per-address limit against one address trying many emails. Counters live in PostgreSQL, so every
 * BFF instance on one database brakes together.
 */
export const BRAKE = {
  device: { maxFailures: 5, windowMs: 15 * MINUTE },
  address: { maxFailures: 100, windowMs: 15 * MINUTE },
  /**
   * Past `freeFailures` in the window, each failure delays the next check of the email by
   * `firstDelayMs`, doubling up to `maxDelayMs`: at most ~77 guesses an hour from unknown
   * addresses, and `maxFailures` from anywhere.
   */
  email: { freeFailures: 10, firstDelayMs: 1000, maxDelayMs: MINUTE, maxFailures: 100, windowMs: 60 * MINUTE },
  /** How long an address the owner signed in from stays exempt from the per-email delay. */
  knownAddressMs: 90 * 24 * 60 * MINUTE,
};

/** The address of every request whose address cannot be known: they are braked together, never not at all. */
export const UNKNOWN_ADDRESS = 'unknown';

/** The attempt counted against each limit before its password is checked; given back if it was right. */
export interface Reservation {
  keys: string[];
  address: string;
}

/**
 * The network an address stands for: an IPv6 /64 (one subscriber's, however many addresses it
 * rotates through), an IPv4 address as it is.
 */
export function networkOf(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups].map((group) => group.replace(/^0+(?=.)/, ''));
  return `${groups.slice(0, 4).join(':')}::/64`;
}

const windowOver = (row: { window_started_at: Date }, windowMs: number, now: Date) =>
  now.getTime() - row.window_started_at.getTime() >= windowMs;

/**
 * Counts this attempt as a failure against every limit, atomically and before the password is
 * checked, or refuses it (429) when a limit is reached: however many requests arrive at once, no
 * more are checked than the limits allow.
 */
export async function reserveSignInAttempt(db: Kysely<DB>, who: { email: string; address: string }, now: Date): Promise<Reservation> {
  const network = networkOf(who.address);
  const keys = { device: `device:${who.email} ${network}`, address: `address:${network}`, email: `email:${who.email}` };
  const known =
    network !== UNKNOWN_ADDRESS &&
    (await queries.isKnownAddress(db, who.email, network, new Date(now.getTime() - BRAKE.knownAddressMs)));
  await inTransaction(db, async (trx) => {
    const counters = await queries.lockCounters(trx, Object.values(keys), now);
    const device = counters.get(keys.device)!;
    const address = counters.get(keys.address)!;
    const email = counters.get(keys.email)!;
    refuseWhenReached(device, BRAKE.device, now, 'too_many_attempts');
    refuseWhenReached(address, BRAKE.address, now, 'too_many_attempts_from_address');
    refuseWhenReached(email, BRAKE.email, now, 'sign_in_slowed_down');
    if (!known && email.locked_until && email.locked_until > now) throw slowedDown(email.locked_until, now);

    for (const [row, windowMs] of [[device, BRAKE.device.windowMs], [address, BRAKE.address.windowMs]] as const) {
      const restart = windowOver(row, windowMs, now);
      await queries.saveCounter(trx, row.key, {
        failures: restart ? 1 : row.failures + 1,
        window_started_at: restart ? now : row.window_started_at,
        locked_until: null,
      });
    }
    const restart = windowOver(email, BRAKE.email.windowMs, now);
    const failures = restart ? 1 : email.failures + 1;
    const beyondFree = failures - BRAKE.email.freeFailures;
    const delayMs = Math.min(BRAKE.email.firstDelayMs * 2 ** (beyondFree - 1), BRAKE.email.maxDelayMs);
    await queries.saveCounter(trx, email.key, {
      failures,
      window_started_at: restart ? now : email.window_started_at,
      locked_until: beyondFree > 0 ? new Date(now.getTime() + delayMs) : email.locked_until,
    });
  });
  // Housekeeping, outside the sign-in's transaction: counters a day past their window count nothing.
  await queries.purgeCounters(db, new Date(now.getTime() - 24 * 60 * MINUTE));
  return { keys: Object.values(keys), address: network };
}

/**
 * The password was right: the reserved attempt was no failure (the device's earlier ones stay
 * counted, so requests still in flight cannot pass its limit), and the address becomes known. Run
 * in the sign-in's transaction.
 */
export async function releaseSignInAttempt(db: Kysely<DB>, reservation: Reservation, userId: string, now: Date) {
  await queries.lockCounters(db, reservation.keys, now);
  await queries.uncountAttempt(db, reservation.keys);
  if (reservation.address !== UNKNOWN_ADDRESS) await queries.rememberAddress(db, userId, reservation.address, now);
}

type Refusal = 'too_many_attempts' | 'too_many_attempts_from_address' | 'sign_in_slowed_down';

function refuseWhenReached(
  row: { failures: number; window_started_at: Date },
  limit: { maxFailures: number; windowMs: number },
  now: Date,
  code: Refusal,
) {
  if (row.failures < limit.maxFailures || windowOver(row, limit.windowMs, now)) return;
  throw tooManyAttempts(code, new Date(row.window_started_at.getTime() + limit.windowMs), now);
}

/** "N seconds" below a minute, else whole minutes rounded up. */
function waitText(seconds: number) {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

const WHY: Record<Refusal, { title: string; detail: (wait: string) => string }> = {
  too_many_attempts: {
    title: 'Too many failed sign-ins from this device',
    detail: (wait) => `Too many attempts from this device; try again in ${wait}.`,
  },
  too_many_attempts_from_address: {
    title: 'Too many failed sign-ins from this network',
    detail: (wait) => `Too many failed sign-ins from your network; try again in ${wait}.`,
  },
  sign_in_slowed_down: {
    title: 'Too many failed sign-ins for this email',
    detail: (wait) => `This email had too many failed sign-ins this hour; try again in ${wait}.`,
  },
};

function tooManyAttempts(code: Refusal, until: Date, now: Date) {
  const seconds = secondsUntil(until, now);
  const detail = WHY[code].detail(waitText(seconds));
  return new ProblemError(429, code, WHY[code].title, { detail, retryAfter: seconds }, { 'retry-after': String(seconds) });
}

function slowedDown(until: Date, now: Date) {
  const seconds = secondsUntil(until, now);
  return new ProblemError(
    429,
    'sign_in_slowed_down',
    'Sign-ins for this email are slowed down',
    {
      detail: `Many sign-ins for this email failed recently, so they are slowed down; try again in ${waitText(seconds)}.`,
      retryAfter: seconds,
    },
    { 'retry-after': String(seconds) },
  );
}
