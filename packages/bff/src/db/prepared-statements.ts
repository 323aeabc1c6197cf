/**
 * SQL texts that PostgreSQL gets as named prepared statements: each connection parses them once,
 * and after its first five runs PostgreSQL may keep one generic plan instead of planning every
 * run. Planning was most of the database's work on the hottest paths: the first page of the Users
 * list spent 0.7 ms planning and 0.3 ms running. Only statements whose best plan is the same for
 * every value belong here (`cachedStatement`'s `prepare`): a generic plan cannot see that a term is
 * rare or a state nearly empty, and would walk a whole account where a custom plan would not.
 */
const names = new Map<string, string>();

/** Far more than the shapes marked `prepare`; a bound all the same, since names are never freed. */
const MAX_PREPARED = 100;

/** Sends `sql` as a named prepared statement from now on, on every connection (PostgreSQL only). */
export function prepareOnEveryConnection(sql: string) {
  if (names.has(sql) || names.size >= MAX_PREPARED) return;
  names.set(sql, `roster_${names.size + 1}`);
}

/** The name `sql` is prepared under, if it is. */
export function preparedName(sql: string): string | undefined {
  return names.get(sql);
}
