import type { Catalog } from './catalog.ts';

const hello = (firstName: string) => (firstName ? `Hallo ${firstName},` : 'Hallo,');
const IGNORE = 'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren.';
const joining = (groupNames: string[]) => (groupNames.length > 0 ? ['Sie werden diesen Gruppen beitreten:', { list: groupNames }] : []);
const OTHER_ACCOUNTS = 'Ihre anderen Konten, falls vorhanden, sind davon nicht betroffen.';

export const de: Catalog = {
  lang: 'de',

  invitation: (d) => ({
    subject: `${d.inviterName} lädt Sie zu ${d.accountName} ein`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} lädt Sie ein, ${d.accountName} beizutreten.`,
      ...joining(d.groupNames),
      { action: 'Einladung annehmen', url: d.link },
      `Der Link ist gültig bis ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-resent': (d) => ({
    subject: `Erinnerung: ${d.inviterName} lädt Sie zu ${d.accountName} ein`,
    blocks: [
      hello(d.firstName),
      `Eine kurze Erinnerung: ${d.inviterName} lädt Sie ein, ${d.accountName} beizutreten.`,
      ...joining(d.groupNames),
      { action: 'Einladung annehmen', url: d.link },
      `Ihr Link bleibt derselbe und ist jetzt gültig bis ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-renewed': (d) => ({
    subject: `Neue Einladung zu ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} hat Ihnen eine neue Einladung zu ${d.accountName} geschickt.`,
      ...joining(d.groupNames),
      { action: 'Einladung annehmen', url: d.link },
      `Dieser neue Link ist gültig bis ${d.expires}. Der Link aus früheren Nachrichten funktioniert nicht mehr.`,
      IGNORE,
    ],
  }),

  'user-removed': (p) => ({
    subject: `Sie gehören nicht mehr zu ${p.accountName}`,
    blocks: [
      hello(p.firstName),
      `Ein Administrator hat Ihren Zugang zu ${p.accountName} beendet.`,
      ...(p.groupNames.length > 0 ? ['Sie sind nicht mehr in seinen Gruppen:', { list: p.groupNames }] : []),
      OTHER_ACCOUNTS,
    ],
  }),

  'user-blocked': (p) => ({
    subject: `Ihr Zugang zu ${p.accountName} ist gesperrt`,
    blocks: [hello(p.firstName), `Ein Administrator hat Ihren Zugang zu ${p.accountName} bis auf Weiteres gesperrt.`, OTHER_ACCOUNTS],
  }),

  'user-unblocked': (p) => ({
    subject: `Ihr Zugang zu ${p.accountName} ist wiederhergestellt`,
    blocks: [hello(p.firstName), `Ein Administrator hat Ihren Zugang zu ${p.accountName} entsperrt. Sie können ihn wieder nutzen.`],
  }),
};
