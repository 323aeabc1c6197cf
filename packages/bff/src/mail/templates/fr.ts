import type { Catalog } from './catalog.ts';

const hello = (firstName: string) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,');
const IGNORE = 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.';
const joining = (groupNames: string[]) => (groupNames.length > 0 ? ['Vous rejoindrez ces groupes :', { list: groupNames }] : []);

export const fr: Catalog = {
  lang: 'fr',

  invitation: (d) => ({
    subject: `${d.inviterName} vous invite à rejoindre ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} vous invite à rejoindre ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Accepter l’invitation', url: d.link },
      `Le lien est valable jusqu’au ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-resent': (d) => ({
    subject: `Rappel : ${d.inviterName} vous invite à rejoindre ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `Petit rappel : ${d.inviterName} vous invite à rejoindre ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Accepter l’invitation', url: d.link },
      `Votre lien reste le même et est désormais valable jusqu’au ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-renewed': (d) => ({
    subject: `Nouvelle invitation à rejoindre ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} vous a envoyé une nouvelle invitation à rejoindre ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Accepter l’invitation', url: d.link },
      `Ce nouveau lien est valable jusqu’au ${d.expires}. Le lien des messages précédents ne fonctionne plus.`,
      IGNORE,
    ],
  }),

  'user-removed': (p) => ({
    subject: `Vous ne faites plus partie du compte ${p.accountName}`,
    blocks: [
      hello(p.firstName),
      `Un administrateur a mis fin à votre accès au compte ${p.accountName}.`,
      ...(p.groupNames.length > 0 ? ['Vous ne faites plus partie de ses groupes :', { list: p.groupNames }] : []),
      'Vos autres comptes, si vous en avez, ne sont pas concernés.',
    ],
  }),

  'user-blocked': (p) => ({
    subject: `Votre accès au compte ${p.accountName} est bloqué`,
    blocks: [
      hello(p.firstName),
      `Un administrateur a bloqué votre accès au compte ${p.accountName} jusqu’à nouvel ordre.`,
      'Vos autres comptes, si vous en avez, ne sont pas concernés.',
    ],
  }),

  'user-unblocked': (p) => ({
    subject: `Votre accès au compte ${p.accountName} est rétabli`,
    blocks: [hello(p.firstName), `Un administrateur a débloqué votre accès au compte ${p.accountName}. Vous pouvez de nouveau l’utiliser.`],
  }),
};
