import { msg, str } from '@lit/localize';
import type { InvitationView } from '@roster/shared';
import { html, nothing } from 'lit';
import { formatDateTime, formatList } from '../internal/format.ts';

/*
 * The screens of <invitation-response> other than its two forms (see forms.ts), as functions of what
 * they show. The element keeps the state and passes its listeners in, already bound to itself.
 */

/** Who is signed in on this browser, as far as the element knows. */
export type Viewer = InvitationView['viewer'];

/** The action under way; every button is disabled meanwhile and the one that started it says so. */
export type Busy = 'accept' | 'sign-in' | 'sign-out' | 'decline' | 'email';

/** What every screen of a loaded invitation shows besides its own content. */
export interface ScreenState {
  view: InvitationView;
  viewer: Viewer;
  busy: Busy | undefined;
  /** A refusal or failure that concerns the whole screen. */
  actionError: string | undefined;
}

type Listener = () => void;

export function welcomeScreen(
  { view, viewer, busy, actionError }: ScreenState,
  { onAccept, onDecline }: { onAccept: Listener; onDecline: Listener },
) {
  return html`${heading(
      view.inviterName
        ? msg(str`${view.inviterName} invited you to join ${view.accountName}`)
        : msg(str`You are invited to join ${view.accountName}`),
    )}
    ${viewer === 'someone_else'
      ? // Whoever is signed in here may not be the invitee: say so before they accept or decline for someone else.
        html`<p part="note" class="message note">
          <strong>${msg('You are signed in as another person.')}</strong> ${msg(str`This invitation is for ${view.email}.`)}
        </p>`
      : html`<p>${msg(str`The invitation is for ${view.email}.`)}</p>`}
    ${view.groupNames.length > 0
      ? html`<p class="groups">${msg(str`You will join these groups: ${formatList(view.groupNames)}.`)}</p>`
      : nothing}
    <p class="muted">${msg(str`It is valid until ${formatDateTime(view.expiresAt)}.`)}</p>
    ${actionErrorMessage(actionError)}
    <div class="actions">
      <button type="button" part="primary-button" class="button primary accept" aria-disabled=${busy !== undefined} @click=${onAccept}>
        ${busy === 'accept' ? msg('Joining…') : viewer === 'invitee' ? msg('Accept and join') : msg('Accept')}
      </button>
      <button type="button" part="secondary-button" class="button decline" aria-disabled=${busy !== undefined} @click=${onDecline}>
        ${msg('Decline')}
      </button>
    </div>`;
}

/** Accepting while someone else is signed in: they sign out first. */
export function switchPersonScreen(
  { view, busy, actionError }: ScreenState,
  { onSignOut, onBack }: { onSignOut: Listener; onBack: Listener },
) {
  return html`${heading(msg('You are signed in as another person'))}
    <p>${msg(str`This invitation is for ${view.email}. To accept it, sign out, then sign in as ${view.email}.`)}</p>
    ${actionErrorMessage(actionError)}
    <div class="actions">
      <button type="button" part="primary-button" class="button primary sign-out" aria-disabled=${busy !== undefined} @click=${onSignOut}>
        ${busy === 'sign-out' ? msg('Signing out…') : msg('Sign out')}
      </button>
      ${backButton(busy, onBack)}
    </div>`;
}

/**
 * A new person who opened a link an administrator copied: only the emailed link proves the address
 * is theirs and lets them register, so they have the invitation emailed and follow its link.
 */
export function emailLinkScreen(
  { view, busy, actionError }: ScreenState,
  { emailed, onEmail, onSignIn, onBack }: { emailed: boolean; onEmail: Listener; onSignIn: Listener; onBack: Listener },
) {
  return html`${heading(msg('Join from your invitation email'))}
    <p>${msg(str`To make sure ${view.email} is yours, you join through the link in the invitation email sent to that address.`)}</p>
    ${emailed
      ? html`<p part="note" class="message note emailed" role="status">
          ${msg(str`We sent the invitation to ${view.email}. Open the link in that email to join.`)}
        </p>`
      : html`<p class="muted">${msg('Cannot find it? Have it sent again.')}</p>`}
    ${actionErrorMessage(actionError)}
    <div class="actions">
      ${emailed
        ? nothing
        : html`<button type="button" part="primary-button" class="button primary email-link" aria-disabled=${busy !== undefined} @click=${onEmail}>
            ${busy === 'email' ? msg('Sending…') : msg('Email me the invitation')}
          </button>`}
      ${view.hasIdentity === null
        ? // This link does not say whether the address has a sign-in: someone who has one signs in instead.
          html`<button type="button" part="secondary-button" class="button sign-in-instead" aria-disabled=${busy !== undefined} @click=${onSignIn}>
            ${msg('I already have a sign-in')}
          </button>`
        : nothing}
      ${backButton(busy, onBack)}
    </div>`;
}

export function declineScreen(
  { view, viewer, busy, actionError }: ScreenState,
  { onConfirm, onBack }: { onConfirm: Listener; onBack: Listener },
) {
  return html`${heading(msg(str`Decline the invitation to ${view.accountName}?`))}
    <p>${msg(str`This declines the invitation for ${view.email}.`)}</p>
    ${viewer === 'someone_else'
      ? html`<p part="note" class="message note">
          ${msg(str`You are signed in as another person. Decline only if you are ${view.email}, or that person asked you to.`)}
        </p>`
      : nothing}
    <p>${msg(str`The administrators will see that ${view.email} declined, and this link will stop working.`)}</p>
    ${actionErrorMessage(actionError)}
    <div class="actions">
      <button type="button" part="decline-button" class="button danger confirm-decline" aria-disabled=${busy !== undefined} @click=${onConfirm}>
        ${busy === 'decline' ? msg('Declining…') : msg('Decline invitation')}
      </button>
      ${backButton(busy, onBack)}
    </div>`;
}

export function loadingScreen() {
  return html`<div class="loading">
    <p class="visually-hidden" role="status">${msg('Loading the invitation…')}</p>
    <span class="bar title" aria-hidden="true"></span>
    <span class="bar" aria-hidden="true"></span>
    <span class="bar short" aria-hidden="true"></span>
  </div>`;
}

export function loadErrorScreen(message: string, onRetry: Listener) {
  return html`${heading(msg('The invitation could not be loaded'))}
    <p part="error" class="message error" role="alert">${message}</p>
    <div class="actions">
      <button type="button" part="primary-button" class="button primary retry" @click=${onRetry}>${msg('Try again')}</button>
    </div>`;
}

export function joinedScreen(view: InvitationView) {
  return endScreen(msg(str`You joined ${view.accountName}`), msg(str`You are signed in as ${view.email}.`));
}

export function declinedScreen(view: InvitationView) {
  return endScreen(
    msg('You declined the invitation'),
    msg(str`You did not join ${view.accountName}. If you change your mind, ask your administrator for a new invitation.`),
  );
}

export function expiredScreen() {
  return endScreen(
    msg('This invitation has expired'),
    msg('Invitations are valid for a limited time. Ask your administrator for a new invitation.'),
  );
}

/**
 * A link that no longer works. People often open it again after joining, so that case comes first:
 * signing in reaches the account (the element knows no page to link to; the host does).
 */
export function unusableLinkScreen() {
  return html`${heading(msg('This invitation link does not work'))}
    <p>${msg('The link no longer works: it may have been used already, withdrawn, or copied incompletely.')}</p>
    <p>${msg('If you already accepted this invitation, sign in to reach the account.')}</p>
    <p>${msg('Otherwise, ask your administrator for a new invitation.')}</p>`;
}

function endScreen(title: string, text: string) {
  return html`${heading(title)}
    <p>${text}</p>`;
}

/** Every screen's title; focusable (as `#heading`) so a new screen can take focus and be announced. */
export function heading(text: string) {
  return html`<h2 id="heading" part="heading" tabindex="-1">${text}</h2>`;
}

export function actionErrorMessage(actionError: string | undefined) {
  return actionError ? html`<p part="error" class="message error" role="alert">${actionError}</p>` : nothing;
}

export function backButton(busy: Busy | undefined, onBack: Listener) {
  return html`<button type="button" part="secondary-button" class="button back" aria-disabled=${busy !== undefined} @click=${onBack}>
    ${msg('Back')}
  </button>`;
}
