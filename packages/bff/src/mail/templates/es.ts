import type { Catalog } from './catalog.ts';

const hello = (firstName: string) => (firstName ? `Hola, ${firstName}:` : 'Hola:');
const IGNORE = 'Si no esperaba esta invitación, puede ignorar este mensaje.';
const joining = (groupNames: string[]) => (groupNames.length > 0 ? ['Se unirá a estos grupos:', { list: groupNames }] : []);
const OTHER_ACCOUNTS = 'Sus otras cuentas, si las tiene, no se ven afectadas.';

export const es: Catalog = {
  lang: 'es',

  invitation: (d) => ({
    subject: `${d.inviterName} le invita a unirse a ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} le invita a unirse a ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Aceptar la invitación', url: d.link },
      `El enlace es válido hasta el ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-resent': (d) => ({
    subject: `Recordatorio: ${d.inviterName} le invita a unirse a ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `Un breve recordatorio: ${d.inviterName} le invita a unirse a ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Aceptar la invitación', url: d.link },
      `Su enlace sigue siendo el mismo y ahora es válido hasta el ${d.expires}.`,
      IGNORE,
    ],
  }),

  'invitation-renewed': (d) => ({
    subject: `Nueva invitación para unirse a ${d.accountName}`,
    blocks: [
      hello(d.firstName),
      `${d.inviterName} le ha enviado una nueva invitación para unirse a ${d.accountName}.`,
      ...joining(d.groupNames),
      { action: 'Aceptar la invitación', url: d.link },
      `Este nuevo enlace es válido hasta el ${d.expires}. El enlace de los mensajes anteriores ya no funciona.`,
      IGNORE,
    ],
  }),

  'user-removed': (p) => ({
    subject: `Ya no forma parte de ${p.accountName}`,
    blocks: [
      hello(p.firstName),
      `Un administrador ha terminado su acceso a ${p.accountName}.`,
      ...(p.groupNames.length > 0 ? ['Ya no está en sus grupos:', { list: p.groupNames }] : []),
      OTHER_ACCOUNTS,
    ],
  }),

  'user-blocked': (p) => ({
    subject: `Su acceso a ${p.accountName} está bloqueado`,
    blocks: [hello(p.firstName), `Un administrador ha bloqueado su acceso a ${p.accountName} hasta nuevo aviso.`, OTHER_ACCOUNTS],
  }),

  'user-unblocked': (p) => ({
    subject: `Su acceso a ${p.accountName} está restablecido`,
    blocks: [hello(p.firstName), `Un administrador ha desbloqueado su acceso a ${p.accountName}. Puede volver a usarlo.`],
  }),
};
