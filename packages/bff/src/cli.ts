import { parseArgs } from 'node:util';
import { migrateToLatest } from './db/migrate.ts';
import { parseEnv } from './env.ts';
import { serveProduction } from './production.ts';
import { rosterService } from './service/in-process.ts';
import { listAccounts } from './service/service.service.ts';
import { connectDatabaseOf, loadSecret, publicUrlOf } from './server-settings.ts';

const USAGE = `Usage: roster <command>   (npm run roster -- <command>; settings from the environment, as the server's)
  migrate                                   bring the database schema up to date
  create-account <name> --admin <email> [--first-name <name> --last-name <name>]
                                            create an account and invite its first administrator (prints the link)
  list-accounts                             every account: id and name
  serve                                     the production server (as npm run serve)`;

/** The operator's command line (README "Provisioning"): the service functions, on the configured database. */
async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { admin: { type: 'string' }, 'first-name': { type: 'string' }, 'last-name': { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const env = parseEnv(process.env);
  if (command === 'serve') return serveProduction(env);
  if (!['migrate', 'create-account', 'list-accounts'].includes(command)) throw new Error(`Unknown command "${command}" (roster --help lists them)`);
  if (command === 'create-account' && (rest.length !== 1 || !values.admin)) throw new Error('create-account needs a name and --admin <email>');

  const database = await connectDatabaseOf(env, { maxConnections: 2 });
  try {
    await migrateToLatest(database.db);
    if (command === 'migrate') console.log('The database is up to date.');
    if (command === 'list-accounts') {
      for (const account of await listAccounts(database.db)) console.log(`${account.id}  ${account.name}`);
    }
    if (command === 'create-account') {
      // The link is signed with the server's secret, so the server must be able to verify it.
      const secret = await loadSecret(env, { generate: false });
      const roster = rosterService({ db: database.db, secret, publicUrl: publicUrlOf(env), webhookUrl: env.ROSTER_WEBHOOK_URL });
      const account = await roster.createAccount({ name: rest[0]! });
      const [admins] = await roster.listGroups(account.id);
      const [result] = await roster.invite(account.id, {
        invitees: [{ email: values.admin!, firstName: values['first-name'], lastName: values['last-name'] }],
        groupIds: [admins!.id],
      });
      console.log(`Created account ${account.name} (${account.id}).`);
      if (result?.status === 'invited') console.log(`Invited ${result.email} as its administrator: ${result.link}`);
      else throw new Error(`The administrator could not be invited: ${JSON.stringify(result)}`);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: Error & { code?: string; extra?: { errors?: { path: string; message: string }[] } }) => {
  const details = error.extra?.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
  console.error(`roster: ${error.message.split('\n').join(' ')}${details ? ` (${details})` : ''}`);
  process.exit(1);
});
