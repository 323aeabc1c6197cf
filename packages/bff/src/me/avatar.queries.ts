import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export async function saveAvatar(db: Kysely<DB>, userId: string, avatar: { hash: string; image: Uint8Array; now: Date }) {
  await db
    .insertInto('user_avatars')
    .values({ user_id: userId, hash: avatar.hash, image: avatar.image, created_at: avatar.now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ hash: avatar.hash, image: avatar.image, created_at: avatar.now }))
    .execute();
}

export async function deleteAvatar(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('user_avatars').where('user_id', '=', userId).execute();
}

/** The picture only while `hash` is its current one: a replaced picture's URL stops working. */
export function findAvatar(db: Kysely<DB>, userId: string, hash: string) {
  return db.selectFrom('user_avatars').select('image').where('user_id', '=', userId).where('hash', '=', hash).executeTakeFirst();
}
