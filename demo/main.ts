/**
 * The demo page's host code. Plain DOM, no framework and no import from the components: the page
 * only uses their tags, like any host would. User text is only ever set with textContent.
 */
import type { Me } from '@roster/shared';
import { startMailbox } from './mailbox.ts';

const DEMO_PASSWORD = 'Roster!demo1';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the demo page`);
  return element as T;
}

const loading = byId('loading');
const signInSection = byId('sign-in');
const signInForm = byId<HTMLFormElement>('sign-in-form');
const signInError = byId('sign-in-error');
const app = byId('app');
const who = byId('who');
const screen = byId('screen');

/** The message of a problem+json answer, or a generic one. */
async function problemMessage(response: Response, fallback: string): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  if (body && typeof body === 'object' && 'title' in body) {
    const { title, detail } = body as { title: string; detail?: string };
    return detail ?? title;
  }
  return fallback;
}

function showSignIn() {
  loading.hidden = true;
  app.hidden = true;
  screen.replaceChildren();
  signInSection.hidden = false;
}

function showApp(me: Me) {
  loading.hidden = true;
  signInSection.hidden = true;
  app.hidden = false;
  const name = `${me.user.firstName} ${me.user.lastName}`.trim() || me.user.email;
  who.textContent = `Signed in as ${name} (${me.user.email}).`;

  // The provider reads the session itself and follows the person's active account: the switcher
  // (shown to people in several accounts) and the screen below it change together.
  const provider = document.createElement('roster-provider');
  provider.setAttribute('api-base', '/api');
  const settings = document.createElement('users-settings');
  // Back from accepting an invitation (invite.ts): welcome the person, once.
  const welcome = new URLSearchParams(location.search).get('welcome');
  if (welcome) {
    settings.setAttribute('welcome', welcome);
    history.replaceState(null, '', location.pathname);
  }
  provider.append(document.createElement('account-switcher'), settings);
  screen.replaceChildren(provider);
}

async function handleSignInSubmit(event: SubmitEvent) {
  event.preventDefault();
  signInError.textContent = '';
  const data = new FormData(signInForm);
  const email = String(data.get('email') ?? '').trim();
  const password = String(data.get('password') ?? '');
  if (!email || !password) {
    signInError.textContent = 'Enter your email and password.';
    return;
  }
  try {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) {
      signInError.textContent = await problemMessage(response, 'Signing in failed. Try again.');
      return;
    }
    signInForm.reset();
    showApp((await response.json()) as Me);
  } catch {
    signInError.textContent = 'The server could not be reached. Try again.';
  }
}

function handleDemoAccountClick(event: MouseEvent) {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-email]');
  if (!button) return;
  (signInForm.elements.namedItem('email') as HTMLInputElement).value = button.dataset.email ?? '';
  (signInForm.elements.namedItem('password') as HTMLInputElement).value = DEMO_PASSWORD;
  signInForm.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
}

async function handleSignOutClick() {
  await fetch('/api/session', { method: 'DELETE' }).catch(() => undefined);
  showSignIn();
}

/** Restores the session: a valid cookie shows the screen at once. */
async function start() {
  try {
    const response = await fetch('/api/me');
    if (response.ok) showApp((await response.json()) as Me);
    else showSignIn();
  } catch {
    showSignIn();
  }
}

signInForm.addEventListener('submit', handleSignInSubmit);
signInSection.querySelector('.demo-accounts')?.addEventListener('click', handleDemoAccountClick as EventListener);
byId('sign-out').addEventListener('click', handleSignOutClick);
void start();
startMailbox(byId('mailbox'));
