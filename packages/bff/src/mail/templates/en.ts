import type { Catalog } from './catalog.ts';

const hello = (firstName: string) => (firstName ? `Hello ${firstName},` : 'Hello,');
const IGNORE = 'If you did not expect this invitation, you can ignore this email.';
const joining = (groupNames: string[]) => (groupNames.length > 0 ? ['You will join these groups:', { list: groupNames }] : []);

export const en: Catalog = {
  lang: 'en',

  invitation: (d) => ({
    subject: `${d.inviterName} invited you to join ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} invited you to join ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Accept the invitation', url: d.link },
      `The link works until ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-resent': (d) => ({
    subject: `Reminder: ${d.inviterName} invited you to join ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `This is a reminder: ${d.inviterName} invited you to join ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Accept the invitation', url: d.link },
      `Your link is the same as before and now works until ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-renewed': (d) => ({
    subject: `New invitation to join ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} sent you a new invitation to join ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Accept the invitation', url: d.link },
      `This new link works until ${d.expires}. The link in earlier emails no longer works.`,
      IGNORE,
    ],
  }),

  'user-removed': (p) => ({
    subject: `You were removed from ${p.accountName}`,
    blocks: [
      hello(p.firstName),
      `An administrator removed you from ${p.accountName}. You no longer have access to this account.`,
      ...(p.groupNames.length > 0 ? ['You are no longer in its groups:', { list: p.groupNames }] : []),
      'Your other accounts, if you have any, are not affected.',
    ],
  }),

  'user-blocked': (p) => ({
    subject: `Your access to ${p.accountName} is blocked`,
    blocks: [
      hello(p.firstName),
      `An administrator blocked your access to ${p.accountName} until further notice.`,
      'Your other accounts, if you have any, are not affected.',
    ],
  }),

  'user-unblocked': (p) => ({
    subject: `Your access to ${p.accountName} is back`,
    blocks: [hello(p.firstName), `An administrator unblocked your access to ${p.accountName}. You can use it again.`],
  }),
};
