import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashes', () => {
  it('carry their scrypt parameters, so a hash made at one cost is checked at that cost', async () => {
    const stored = await hashPassword('Correct-horse-9');
    expect(stored).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('Correct-horse-9', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-9', stored)).toBe(false);
    expect(await verifyPassword('Correct-horse-9', dummyHash())).toBe(false);
    // As production made it (N=2^15, r=8, p=1), whatever the cost this process hashes at.
    const production = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(86);
    expect(await verifyPassword('Correct-horse-9', production)).toBe(false);
  });

  it('cost N=2^15, r=8, p=1 outside the test processes', async () => {
    const { execFileSync } = await import('node:child_process');
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--eval', "import('./packages/bff/src/session/password-hash.ts').then(async (m) => console.log(await m.hashPassword('x'), m.dummyHash()))"],
      { encoding: 'utf8' },
    );
    expect(printed).toMatch(/^scrypt\$32768\$8\$1\$\S+ scrypt\$32768\$8\$1\$/);
  });
});
