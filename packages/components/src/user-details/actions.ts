import { msg } from '@lit/localize';
import type { MembershipState, UserDetails } from '@roster/shared';
import type { RosterClient } from '../api/client.ts';
import { getInvitationLink, renewInvitation, resendInvitation } from '../api/requests.ts';
import { InvitationLinkCopiedEvent, InvitationRenewedEvent, InvitationResentEvent, type UserChangedEvent, type UserRef } from '../events.ts';
import { copyText } from '../internal/clipboard.ts';
import { invitationActionLabel, type InvitationAction } from './labels.ts';

/** What the person's page offers: the row menu's actions. */
export type DetailsAction = 'edit' | 'block' | 'unblock' | 'remove' | InvitationAction;

/** People in these states have nothing left to act on. */
const ENDED_STATES: readonly MembershipState[] = ['removed', 'declined'];

/**
 * The actions that apply to the person, in the row menu's order: Edit groups to everyone still in the
 * account, the invitation's actions (Copy link and Resend while it is open, Send new once it expired),
 * Block when the server allows it now, Unblock to Blocked people, Remove when the server allows it.
 * Where they are refused, Block and Remove are left out and `missingActionsNote` says why.
 */
export function actionsOf(details: UserDetails): { id: DetailsAction; label: string }[] {
  if (ENDED_STATES.includes(details.state)) return [];
  const invitation: InvitationAction[] = details.state === 'invited' ? ['copy-link', 'resend'] : details.state === 'expired' ? ['renew'] : [];
  const actions: { id: DetailsAction; label: string }[] = [
    { id: 'edit', label: msg('Edit groups') },
    ...invitation.map((id) => ({ id, label: invitationActionLabel(id) })),
  ];
  if (details.blocking.allowed) actions.push({ id: 'block', label: msg('Block') });
  if (details.state === 'blocked') actions.push({ id: 'unblock', label: msg('Unblock') });
  if (details.removal.allowed) actions.push({ id: 'remove', label: msg('Remove') });
  return actions;
}

/** Why Block and Remove are missing where the state alone does not say: the row menu's note, and the server's guard. */
export function missingActionsNote(details: UserDetails): string {
  switch (details.removal.reason) {
    case 'self':
      return msg('You cannot block or remove yourself');
    case 'last_administrator':
      return msg('The only active administrator can be neither blocked nor removed: make someone else an administrator first.');
    default:
      return '';
  }
}

/**
 * Copy invitation link, Resend invitation or Send new invitation, for this page and the table's row
 * menu (which fetches it with its rows: `users-table/row-behaviour.ts`): resolves to the event that reports it done, or to the link when only the clipboard refused (to
 * show for copying by hand); a refusal of the server rejects with its `ApiError`.
 */
export async function runInvitationAction(client: RosterClient, action: InvitationAction, ref: UserRef, name: string): Promise<UserChangedEvent | string> {
  if (action === 'copy-link') {
    const { link } = await getInvitationLink(client, ref.accountId, ref.userId);
    return (await copyText(link)) ? new InvitationLinkCopiedEvent(ref, name) : link;
  }
  if (action === 'resend') {
    await resendInvitation(client, ref.accountId, ref.userId);
    return new InvitationResentEvent(ref, name);
  }
  await renewInvitation(client, ref.accountId, ref.userId);
  return new InvitationRenewedEvent(ref, name);
}
