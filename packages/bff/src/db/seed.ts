import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ACCOUNT_ADMIN_PERMISSION, type StoredMembershipState } from '@roster/shared';
import { hashPassword } from '../session/password-hash.ts';
import type { DB } from './types.ts';

export const DEMO_PASSWORD = 'Roster!demo1';
const DAY = 24 * 60 * 60 * 1000;
const INVITATION_DAYS = 7;

/** Stable ids, so the demo's links and the README stay valid across fresh databases. */
export function seedId(name: string): string {
  const h = createHash('sha256').update(`roster-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Amara', 'Kenji',
  'Zoe', 'Omar', 'Chloe', 'Ivan', 'Lea', 'Ravi', 'Nora', 'Diego'];
const LAST = ['Anderson', 'Brown', 'Chen', 'Dubois', 'Evans', 'Fischer', 'García', 'Hughes', 'Ito', 'Jensen',
  'Kowalski', 'Lopez', 'Müller', 'Nakamura', "O'Brien", 'Patel', 'Quinn', 'Rossi', 'Silva', 'Tanaka'];

interface Person {
  key: string;
  email: string;
  firstName: string;
  lastName: string;
  state: StoredMembershipState;
  groups: string[];
  /** Days before the seed moment they joined (or were invited). */
  daysAgo: number;
  registered: boolean;
  lastSignInDaysAgo?: number;
  /** Invited only: days left before the invitation expires (negative: expired). */
  expiresInDays?: number;
}

/** Acme Corp: two administrators, an ordinary member, and 57 more people in every state. */
function acmePeople(): Person[] {
  const people: Person[] = [
    { key: 'admin', email: 'admin@acme.test', firstName: 'Alex', lastName: 'Morgan', state: 'active',
      groups: ['Administrators'], daysAgo: 400, registered: true, lastSignInDaysAgo: 0.1 },
    { key: 'admin2', email: 'priya.shah@acme.test', firstName: 'Priya', lastName: 'Shah', state: 'active',
      groups: ['Administrators', 'Finance'], daysAgo: 380, registered: true, lastSignInDaysAgo: 2 },
    { key: 'member', email: 'member@acme.test', firstName: 'Sam', lastName: 'Taylor', state: 'active',
      groups: ['Sales'], daysAgo: 200, registered: true, lastSignInDaysAgo: 1 },
  ];
  const plain = ['Finance', 'Sales', 'Support', 'Read only'];
  // A fixed recipe per index keeps every state and several multi-group members in the mix.
  for (let i = 0; i < 57; i++) {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
    const state: StoredMembershipState =
      i % 19 === 5 ? 'blocked' : i % 19 === 9 ? 'removed' : i % 29 === 13 ? 'declined' : i % 8 === 3 ? 'invited' : 'active';
    const groups = i % 6 === 0 ? [plain[i % 4]!, plain[(i + 1) % 4]!] : i % 11 === 0 ? plain.slice(0, 3) : [plain[i % 4]!];
    const registered = state !== 'invited' && state !== 'declined';
    people.push({
      key: `acme-${i}`,
      // "Müller" → "muller": accents dropped, not the letters that carry them.
      email: `${firstName}.${lastName}${i}@acme.test`.normalize('NFD').toLowerCase().replace(/[^a-z0-9.@]/g, ''),
      firstName,
      lastName,
      state,
      groups,
      daysAgo: 3 + ((i * 37) % 300),
      registered,
      lastSignInDaysAgo: registered && i % 5 !== 4 ? (i * 13) % 60 + (i % 24) / 24 : undefined,
      expiresInDays: state === 'invited' ? (i % 16 === 3 ? -2 - (i % 5) : 1 + (i % 6)) : undefined,
    });
  }
  return people;
}

function globexPeople(): Person[] {
  return [
    { key: 'owner', email: 'owner@globex.test', firstName: 'Hank', lastName: 'Scorpio', state: 'active',
      groups: ['Administrators'], daysAgo: 500, registered: true, lastSignInDaysAgo: 3 },
    { key: 'admin', email: 'admin@acme.test', firstName: 'Alex', lastName: 'Morgan', state: 'active',
      groups: ['Viewers'], daysAgo: 90, registered: true },
    ...['Frank Grimes', 'Mindy Simmons', 'Karl Carlson', 'Lenny Leonard'].map((name, i): Person => {
      const [firstName, lastName] = name.split(' ') as [string, string];
      return {
        key: `globex-${i}`, email: `${firstName}.${lastName}@globex.test`.toLowerCase(), firstName, lastName,
        state: i === 3 ? 'invited' : 'active', groups: [i % 2 ? 'Engineering' : 'Viewers'], daysAgo: 30 + i * 20,
        registered: i !== 3, lastSignInDaysAgo: i !== 3 ? i + 1 : undefined, expiresInDays: i === 3 ? 5 : undefined,
      };
    }),
  ];
}

const ACCOUNTS = [
  {
    name: 'Acme Corp',
    groups: [
      { name: 'Administrators', description: 'Full access, including users and settings', permissions: [ACCOUNT_ADMIN_PERMISSION, 'billing', 'orders', 'catalog', 'reports', 'support'] },
      { name: 'Finance', description: 'Invoices, payments and financial reports', permissions: ['billing', 'reports'] },
      { name: 'Sales', description: 'Orders, quotes and customers', permissions: ['orders', 'catalog'] },
      { name: 'Support', description: 'Customer tickets', permissions: ['support', 'orders'] },
      { name: 'Read only', description: 'Sees reports, changes nothing', permissions: ['reports'] },
    ],
    people: acmePeople,
  },
  {
    name: 'Globex',
    groups: [
      { name: 'Administrators', description: 'Full access, including users and settings', permissions: [ACCOUNT_ADMIN_PERMISSION, 'reports', 'engineering'] },
      { name: 'Engineering', description: 'Builds and deployments', permissions: ['engineering'] },
      { name: 'Viewers', description: 'Sees reports', permissions: ['reports'] },
    ],
    people: globexPeople,
  },
];

/**
 * Seeds the demo (DESIGN.md "Demo facts") once, on an empty database. Content is fixed; times are
 * relative to the moment of seeding so invitations are live when the demo starts.
 * Returns false when the database already had data.
 */
export async function seedDemo(db: Kysely<DB>, now = new Date()): Promise<boolean> {
  const existing = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  // One hash for every demo person: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  await db.transaction().execute(async (trx) => {
    const seenUsers = new Set<string>();
    for (const account of ACCOUNTS) {
      const accountId = seedId(`account:${account.name}`);
      await trx.insertInto('accounts').values({ id: accountId, name: account.name, created_at: ago(600) }).execute();
      const groupIds = new Map(account.groups.map((g) => [g.name, seedId(`group:${account.name}:${g.name}`)]));
      await trx
        .insertInto('groups')
        .values(account.groups.map((g) => ({
          id: groupIds.get(g.name)!, account_id: accountId, name: g.name, description: g.description,
          permissions: g.permissions, is_default: g.name === 'Administrators',
        })))
        .execute();

      const people = account.people();
      const inviterId = seedId(`user:${people[0]!.email}`);
      for (const person of people) {
        const userId = seedId(`user:${person.email}`);
        if (!seenUsers.has(userId)) {
          seenUsers.add(userId);
          await trx.insertInto('users').values({
            id: userId, email: person.email, first_name: person.firstName, last_name: person.lastName,
            password_hash: person.registered ? passwordHash : null, created_at: ago(person.daysAgo + 1),
            last_sign_in_at: person.lastSignInDaysAgo === undefined ? null : ago(person.lastSignInDaysAgo),
          }).execute();
        }
        const joined = person.state !== 'invited' && person.state !== 'declined';
        await trx.insertInto('memberships').values({
          account_id: accountId, user_id: userId, state: person.state,
          invited_by: userId === inviterId ? null : inviterId, invited_at: ago(person.daysAgo + 1),
          joined_at: joined ? ago(person.daysAgo) : null,
          removed_at: person.state === 'removed' ? ago(1) : null,
          // Invited with the names the seed gives them; a joined member is seen by their own.
          invited_first_name: joined ? null : person.firstName, invited_last_name: joined ? null : person.lastName,
        }).execute();
        if (person.state !== 'removed' && person.state !== 'declined') {
          await trx.insertInto('membership_groups')
            .values(person.groups.map((g) => ({ account_id: accountId, user_id: userId, group_id: groupIds.get(g)! })))
            .execute();
        }
        if (person.state === 'invited') {
          const expiresAt = new Date(now.getTime() + person.expiresInDays! * DAY);
          await trx.insertInto('invitations').values({
            account_id: accountId, user_id: userId, email: person.email, invited_by: inviterId,
            expires_at: expiresAt, state: 'pending', created_at: new Date(expiresAt.getTime() - INVITATION_DAYS * DAY),
            last_sent_at: new Date(expiresAt.getTime() - INVITATION_DAYS * DAY),
          }).execute();
        }
      }
    }
  });
  return true;
}
