import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { prepareOnEveryConnection } from './prepared-statements.ts';
import type { DB } from './types.ts';

/** Stands where a value goes in a statement compiled once; each call puts its own value there. */
class Slot {
  constructor(readonly name: string) {}
}

/** Shapes kept per database: far more than the app's paths have, and a bound on what requests can make. */
const MAX_SHAPES = 200;

/**
 * A statement that Kysely builds and compiles once per database and shape, and that afterwards is
 * only given each call's values: on the paths every request takes (its session, the account check,
 * the Users page) building and compiling query trees cost more of the BFF's CPU than anything else
 * that is ours. `build` gets `values` whose properties are placeholders: pass them where Kysely
 * takes a value, never into JavaScript (a condition, a string method); whatever changes the SQL text
 * (which filters apply, a sort, the length of an `in` list) belongs in `shape`, and `shapeKey` must
 * tell every such shape apart. A database with plugins builds every statement afresh, so a plugin
 * still sees (and may rewrite) each query. `prepare` marks the shapes whose best plan does not
 * depend on the values (see prepared-statements.ts): PostgreSQL then plans them once per connection.
 */
export function cachedStatement<Values extends object, Row, Shape = void>(
  build: (db: Kysely<DB>, values: Values, shape: Shape) => Compilable<Row>,
  shapeKey: (shape: Shape) => string = () => '',
  prepare: (shape: Shape) => boolean = () => false,
) {
  const compiledByDatabase = new WeakMap<Kysely<DB>, Map<string, CompiledQuery<Row>>>();
  const placeholders = new Proxy({}, { get: (_, name) => new Slot(String(name)) }) as Values;

  return async function execute(db: Kysely<DB>, values: Values, shape: Shape): Promise<Row[]> {
    if (db.getExecutor().plugins.length > 0) return (await db.executeQuery(build(db, values, shape))).rows;
    let compiled = compiledByDatabase.get(db);
    if (!compiled) compiledByDatabase.set(db, (compiled = new Map()));
    const key = shapeKey(shape);
    let query = compiled.get(key);
    if (!query) {
      query = build(db, placeholders, shape).compile();
      if (prepare(shape)) prepareOnEveryConnection(query.sql);
      if (compiled.size >= MAX_SHAPES) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, query);
    }
    const parameters = query.parameters.map((parameter) => {
      if (!(parameter instanceof Slot)) return parameter;
      if (!(parameter.name in values)) throw new Error(`cachedStatement: no value for ${parameter.name}`);
      return values[parameter.name as keyof Values];
    });
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
