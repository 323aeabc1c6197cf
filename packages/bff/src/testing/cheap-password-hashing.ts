import { hashCheaplyForTests } from '../session/password-hash.ts';

/** Loaded first by every vitest file (vitest.config.ts `setupFiles`) and by the browser tests' BFF. */
hashCheaplyForTests();
