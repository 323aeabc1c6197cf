// `npm run test:packages`: what a host outside this repository does with Roster. It builds the three
// packages, packs them (`npm pack`) into a temporary folder, installs the tarballs there with
// `npm install` (dependencies from the npm cache where it has them, else the registry), writes a host
// server in plain JavaScript that mounts `createApp` over in-memory PGlite and serves the element
// bundles from `node_modules/@roster/components/dist/`, starts it with plain `node` (no tsx) and
// checks `/api/health`, an invitee registering and signing in, and `roster.js` served.
// Set KEEP_PACKAGE_TEST=1 to keep the folder for a look.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['@roster/shared', '@roster/bff', '@roster/components'];
const PORT = 9000 + Math.floor(Math.random() * 900);
const started = Date.now();

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const step = (text) => console.log(`[packages ${((Date.now() - started) / 1000).toFixed(0)}s] ${text}`);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The host's server: everything a host writes, in plain JavaScript against the installed packages. */
const HOST_SERVER = `
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { connectDatabase, createApp, migrateToLatest, rosterService } from '@roster/bff';

const secret = 'a-host-secret-of-at-least-32-characters!';
const publicUrl = 'http://127.0.0.1:${PORT}';
const database = await connectDatabase({ dataDir: 'memory' });
await migrateToLatest(database.db);

// A first account and its administrator's invitation, as a host provisions them.
const roster = rosterService({ db: database.db, secret, publicUrl });
const account = await roster.createAccount({ name: 'Acme' });
const [admins] = await roster.listGroups(account.id);
const [invited] = await roster.invite(account.id, {
  invitees: [{ email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace' }],
  groupIds: [admins.id],
});

const host = new Hono();
host.route('/api', createApp({ db: database.db, databaseKind: database.kind, secret, publicUrl }));
host.use('/assets/*', serveStatic({ root: 'node_modules/@roster/components/dist', rewriteRequestPath: (path) => path.replace(/^\\/assets/, '') }));
serve({ fetch: host.fetch, hostname: '127.0.0.1', port: ${PORT} }, () => console.log('listening ' + JSON.stringify({ link: invited.link })));
`;

const folder = await mkdtemp(join(tmpdir(), 'roster-packages-'));
let server;
try {
  step('npm run build:packages');
  run('npm', ['run', '--silent', 'build:packages'], root);

  step(`npm pack → ${folder}`);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', folder, ...PACKAGES.flatMap((name) => ['-w', name])], root));
  const tarballs = Object.fromEntries(packed.map((entry) => [entry.name, `file:./${entry.filename}`]));
  for (const entry of packed) {
    const files = entry.files.map((file) => file.path);
    check(!files.some((file) => file.startsWith('src/')), `${entry.name} ships its TypeScript sources`);
    check(files.includes('dist/index.d.ts') || files.includes('dist/types/index.d.ts'), `${entry.name} ships no types`);
  }

  // The host's own dependencies: the server it runs on, at the versions the BFF uses.
  const bff = JSON.parse(await readFile(join(root, 'packages/bff/package.json'), 'utf8'));
  const dependencies = { ...tarballs, hono: bff.dependencies.hono, '@hono/node-server': bff.dependencies['@hono/node-server'] };
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'roster-host', private: true, type: 'module', dependencies }, null, 2));
  await writeFile(join(folder, 'server.js'), HOST_SERVER);

  step('npm install (the tarballs, and their dependencies)');
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], folder);

  step('node server.js');
  server = spawn(process.execPath, ['server.js'], { cwd: folder, stdio: ['ignore', 'pipe', 'inherit'] });
  const { link } = await new Promise((resolve, reject) => {
    let output = '';
    // PGlite starts and migrates in seconds, minutes on a machine shared by many.
    const timer = setTimeout(() => reject(new Error(`the host server did not start: ${output}`)), 240_000);
    server.on('exit', (code) => reject(new Error(`the host server exited with ${code}: ${output}`)));
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((text) => text.startsWith('listening '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('listening '.length)));
      }
    });
  });
  const base = `http://127.0.0.1:${PORT}`;

  const health = await fetch(`${base}/api/health`);
  check(health.status === 200, `/api/health answered ${health.status}`);

  // The administrator registers from their invitation, then signs in like any returning person.
  const token = new URL(link).pathname.split('/').at(-1);
  const origin = { 'content-type': 'application/json', origin: base };
  const password = 'Correct-Horse-42';
  const registration = { firstName: 'Ada', lastName: 'Lovelace', password, acceptTerms: true };
  const accepted = await fetch(`${base}/api/invitations/${token}/accept`, { method: 'POST', headers: origin, body: JSON.stringify({ registration }) });
  check(accepted.ok, `accepting the invitation answered ${accepted.status}: ${await accepted.text()}`);
  const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: origin, body: JSON.stringify({ email: 'ada@acme.example', password }) });
  check(signIn.status === 200, `signing in answered ${signIn.status}: ${await signIn.clone().text()}`);
  const me = await signIn.json();
  check(me.user?.email === 'ada@acme.example' && me.accounts?.[0]?.isAdmin === true, `signing in answered ${JSON.stringify(me)}`);
  const cookie = signIn.headers.getSetCookie().map((text) => text.split(';')[0]).join('; ');
  const list = await fetch(`${base}/api/accounts/${me.accounts[0].id}/users`, { headers: { cookie } });
  check(list.status === 200 && (await list.json()).items.length === 1, `the session does not open the Users list (${list.status})`);

  const bundle = await fetch(`${base}/assets/roster.js`);
  const script = await bundle.text();
  check(bundle.status === 200 && /javascript/.test(bundle.headers.get('content-type') ?? ''), `roster.js answered ${bundle.status}`);
  check(script.includes('users-settings'), 'the served roster.js does not define <users-settings>');

  step('the host installed, started and served Roster');
} finally {
  server?.kill();
  if (process.env.KEEP_PACKAGE_TEST) console.log(`kept ${folder}`);
  else await rm(folder, { recursive: true, force: true });
}
