import { LOCALES, type Locale } from '@roster/shared/values';
import { describe, expect, it } from 'vitest';
import { invitationIdOf, liveLinkKind } from '../invitations/invitation-link.ts';
import { PUBLIC_URL, TEST_SECRET } from '../testing/fixtures.ts';
import { INVITATION_KINDS, type EmailKind } from './emails.ts';
import { escapeHtml } from './templates/escape-html.ts';
import { renderEmail } from './templates/index.ts';

const links = { secret: TEST_SECRET, publicUrl: PUBLIC_URL };
const INVITATION_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
// Every user-provided value carries markup: none of it may reach the HTML as markup.
const invitation = {
  invitationId: INVITATION_ID,
  linkVersion: 3,
  firstName: 'Zoë <b>',
  accountName: 'Acme <script>alert(1)</script>',
  inviterName: 'Pat "the boss" O\'Brien & Co',
  expiresAt: '2026-06-08T12:00:00.000Z',
  groupNames: ['Finance <i>', 'Sales'],
};
const removal = { firstName: 'Zoë <b>', accountName: 'Acme <script>alert(1)</script>', groupNames: ['Finance <i>', 'Sales'] };

/** What each language must say, beyond the names: the point of the email. */
const EXPECTED: Record<Locale, Record<EmailKind, RegExp[]>> = {
  en: {
    invitation: [/invited you to join/, /until June 8, 2026/],
    'invitation-resent': [/^Reminder/, /same as before/, /until June 8, 2026/],
    'invitation-renewed': [/^New invitation/, /earlier emails no longer works/, /until June 8, 2026/],
    'user-removed': [/removed/, /no longer in its groups/],
    'user-blocked': [/is blocked$/, /blocked your access/, /other accounts/],
    'user-unblocked': [/is back$/, /unblocked your access/],
  },
  fr: {
    invitation: [/vous invite à rejoindre/, /jusqu’au 8 juin 2026/],
    'invitation-resent': [/^Rappel/, /reste le même/, /jusqu’au 8 juin 2026/],
    'invitation-renewed': [/^Nouvelle invitation/, /ne fonctionne plus/, /jusqu’au 8 juin 2026/],
    'user-removed': [/ne faites plus partie du compte/, /de ses groupes/],
    'user-blocked': [/est bloqué$/, /a bloqué votre accès/, /autres comptes/],
    'user-unblocked': [/est rétabli$/, /a débloqué votre accès/],
  },
  de: {
    invitation: [/lädt Sie zu .* ein/, /gültig bis 8\. Juni 2026/],
    'invitation-resent': [/^Erinnerung/, /bleibt derselbe/, /gültig bis 8\. Juni 2026/],
    'invitation-renewed': [/^Neue Einladung/, /funktioniert nicht mehr/, /gültig bis 8\. Juni 2026/],
    'user-removed': [/gehören nicht mehr zu/, /nicht mehr in seinen Gruppen/],
    'user-blocked': [/ist gesperrt$/, /gesperrt/, /anderen Konten/],
    'user-unblocked': [/ist wiederhergestellt$/, /entsperrt/],
  },
  es: {
    invitation: [/le invita a unirse a/, /hasta el 8 de junio de 2026/],
    'invitation-resent': [/^Recordatorio/, /sigue siendo el mismo/, /hasta el 8 de junio de 2026/],
    'invitation-renewed': [/^Nueva invitación/, /ya no funciona/, /hasta el 8 de junio de 2026/],
    'user-removed': [/Ya no forma parte de/, /Ya no está en sus grupos/],
    'user-blocked': [/está bloqueado$/, /ha bloqueado su acceso/, /otras cuentas/],
    'user-unblocked': [/está restablecido$/, /ha desbloqueado su acceso/],
  },
};


describe('escapeHtml', () => {
  it('neutralises markup and both kinds of quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });
});

describe('renderEmail', () => {
  for (const lang of LOCALES) {
    for (const kind of INVITATION_KINDS) {
      it(`${kind} in ${lang}: names, expiry and a link that verifies, HTML escaped`, () => {
        const email = renderEmail({ kind, locale: lang, payload: invitation }, links);
        const [subjectWords, ...bodyWords] = EXPECTED[lang][kind];
        expect(email.subject).toMatch(subjectWords!);
        expect(email.subject).toContain(invitation.accountName);
        for (const words of bodyWords) expect(email.text).toMatch(words);

        for (const name of [invitation.firstName, invitation.accountName, invitation.inviterName]) {
          expect(email.text).toContain(name);
          expect(email.html).toContain(escapeHtml(name));
        }
        expect(email.html).not.toMatch(/<script|<b>|"the boss"/);
        expect(email.html).toContain(`<html lang="${lang}">`);
        // The groups the person will join, each named.
        expect(email.text).toContain('- Finance <i>\n- Sales');
        expect(email.html).toContain('<li>Finance &lt;i&gt;</li><li>Sales</li>');

        const link = email.text.match(/http:\/\/roster\.test\/invite\/(\S+)/);
        expect(link).not.toBeNull();
        const token = link![1]!;
        expect(invitationIdOf(token)).toBe(INVITATION_ID);
        // The emailed link: the one that proves the mailbox.
        expect(liveLinkKind(token, TEST_SECRET, INVITATION_ID, 3)).toBe('emailed');
        expect(liveLinkKind(token, TEST_SECRET, INVITATION_ID, 2)).toBeNull();
        expect(email.html).toContain(`href="${link![0]}"`);
      });
    }

    for (const kind of ['user-blocked', 'user-unblocked'] as const) {
      it(`${kind} in ${lang}: the account, HTML escaped`, () => {
        const email = renderEmail({ kind, locale: lang, payload: { firstName: removal.firstName, accountName: removal.accountName } }, links);
        const [subjectWords, ...bodyWords] = EXPECTED[lang][kind];
        expect(email.subject).toMatch(subjectWords!);
        expect(email.subject).toContain(removal.accountName);
        for (const words of bodyWords) expect(email.text).toMatch(words);
        expect(email.html).toContain(escapeHtml(removal.accountName));
        expect(email.html).not.toMatch(/<script|<b>/);
      });
    }

    it(`user-removed in ${lang}: the account and every lost group, HTML escaped`, () => {
      const email = renderEmail({ kind: 'user-removed', locale: lang, payload: removal }, links);
      const [subjectWords, ...bodyWords] = EXPECTED[lang]['user-removed'];
      expect(email.subject).toMatch(subjectWords!);
      expect(email.subject).toContain(removal.accountName);
      for (const words of bodyWords) expect(email.text).toMatch(words);
      expect(email.text).toContain('- Finance <i>\n- Sales');
      expect(email.html).toContain('<li>Finance &lt;i&gt;</li><li>Sales</li>');
      expect(email.html).toContain(escapeHtml(removal.accountName));
      expect(email.html).not.toMatch(/<script|<b>|<i>/);
    });
  }

  it('says nothing about groups when the person held none', () => {
    const email = renderEmail({ kind: 'user-removed', locale: 'en', payload: { ...removal, groupNames: [] } }, links);
    expect(email.text).not.toMatch(/groups/);
    expect(email.html).not.toContain('<ul>');
  });

  it('reads regional and odd locales by their language, and anything unknown as English', () => {
    const subject = (locale: string) => renderEmail({ kind: 'invitation-renewed', locale, payload: invitation }, links).subject;
    expect(subject('fr-CA')).toMatch(/^Nouvelle invitation/);
    expect(subject('FR_be')).toMatch(/^Nouvelle invitation/);
    expect(subject('de-AT')).toMatch(/^Neue Einladung/);
    expect(subject('es-MX')).toMatch(/^Nueva invitación/);
    for (const locale of ['it-IT', '', 'constructor', 'en-GB']) expect(subject(locale)).toMatch(/^New invitation/);
  });

  it('keeps the subject on one line whatever the account is called', () => {
    const email = renderEmail({ kind: 'user-removed', locale: 'en', payload: { ...removal, accountName: 'Evil\r\nBcc: x@y.test' } }, links);
    expect(email.subject).toBe('You were removed from Evil Bcc: x@y.test');
  });

  it('refuses payloads that do not match their kind, and unknown kinds', () => {
    expect(() => renderEmail({ kind: 'invitation', locale: 'en', payload: removal }, links)).toThrow(
      /^Malformed invitation payload \(invitationId: .*; linkVersion: .*\)/,
    );
    expect(() => renderEmail({ kind: 'user-removed', locale: 'en', payload: { firstName: 'A' } }, links)).toThrow(
      /^Malformed user-removed payload \(accountName: .*; groupNames: .*\)$/,
    );
    expect(() => renderEmail({ kind: 'newsletter', locale: 'en', payload: removal }, links)).toThrow(/Unknown email kind/);
  });
});
