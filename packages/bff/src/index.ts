/** What a host needs to run Roster's BFF inside its own server. */
export { createApp, type AppOptions, type AppType } from './app.ts';
export type { Authenticator, Principal } from './context.ts';
export { connectDatabase, type ConnectOptions, type Database } from './db/connect.ts';
export { migrateToLatest } from './db/migrate.ts';
export { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './mail/outbox-worker.ts';
export { captureTransport, smtpTransport, type MailTransport, type OutgoingEmail } from './mail/transports.ts';
export { bearerAuthenticator, type BearerAuthenticatorOptions } from './host/bearer-authenticator.ts';
export { cookieAuthenticator } from './session/cookie.ts';
export { rosterService, type RosterService, type RosterServiceOptions } from './service/in-process.ts';
export { ProblemError } from './errors.ts';
