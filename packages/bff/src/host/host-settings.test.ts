import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { hostOptionsOf } from '../server-settings.ts';

const SECRET = `whsec_${Buffer.from('sixteen bytes at least!!').toString('base64')}`;

describe('host integration settings', () => {
  it('reads the host sign-in, the service token and the webhook settings', () => {
    const env = parseEnv({
      ROSTER_JWT_JWKS_URL: 'https://id.example/.well-known/jwks.json',
      ROSTER_JWT_ISSUER: 'https://id.example',
      ROSTER_JWT_AUDIENCE: 'roster',
      ROSTER_JWT_CREATE_USERS: 'on',
      ROSTER_SERVICE_TOKEN: 's'.repeat(32),
      ROSTER_WEBHOOK_URL: 'https://host.example/hooks',
      ROSTER_WEBHOOK_SECRET: SECRET,
    });
    expect(env).toMatchObject({ ROSTER_JWT_EMAIL_CLAIM: 'email', ROSTER_JWT_CREATE_USERS: 'on', ROSTER_EMAIL: 'on', ROSTER_SERVE_ELEMENTS: 'off' });
    const options = hostOptionsOf(env);
    expect(typeof options.authenticator).toBe('function');
    expect(options).toMatchObject({ serviceToken: 's'.repeat(32), webhookUrl: 'https://host.example/hooks' });
    expect(hostOptionsOf(parseEnv({}))).toEqual({ authenticator: undefined, serviceToken: undefined, webhookUrl: undefined });
  });

  it('refuses settings that cannot work, naming each', () => {
    const refused = (source: Record<string, string>) => {
      try {
        parseEnv(source);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ ROSTER_JWT_JWKS_URL: 'https://id.example/jwks' })).toMatch(/ROSTER_JWT_JWKS_URL: needs ROSTER_JWT_ISSUER and ROSTER_JWT_AUDIENCE/);
    expect(refused({ ROSTER_JWT_JWKS_URL: 'not a url', ROSTER_JWT_ISSUER: 'i', ROSTER_JWT_AUDIENCE: 'a' })).toMatch(/ROSTER_JWT_JWKS_URL/);
    expect(refused({ ROSTER_JWT_CREATE_USERS: 'yes' })).toMatch(/ROSTER_JWT_CREATE_USERS/);
    expect(refused({ ROSTER_SERVICE_TOKEN: 'short' })).toMatch(/ROSTER_SERVICE_TOKEN: must be at least 32 characters/);
    expect(refused({ ROSTER_WEBHOOK_URL: 'https://host.example/hooks' })).toMatch(/needs ROSTER_WEBHOOK_SECRET/);
    expect(refused({ ROSTER_WEBHOOK_URL: 'ftp://host.example/hooks', ROSTER_WEBHOOK_SECRET: SECRET })).toMatch(/ROSTER_WEBHOOK_URL/);
    expect(refused({ ROSTER_WEBHOOK_SECRET: 'plain-secret' })).toMatch(/ROSTER_WEBHOOK_SECRET: must be whsec_/);
    expect(refused({ ROSTER_EMAIL: 'maybe' })).toMatch(/ROSTER_EMAIL/);
  });
});
