/**
 * The demo page's host code. Plain DOM, no framework and no import from the components: the page
 * only uses their tags, like any host would. User text is only ever set with textContent.
 */
import { byId } from './dom.ts';
import { startHostThemeSwitch } from './host-theme.ts';
import { startMailbox } from './mailbox.ts';
import { hidePortal, showPortal, startPortal } from './portal.ts';
import { DEMO_PASSWORD, restoredSession, signIn, signOut, type Me, type RosterProvider } from './roster-session.ts';

const loading = byId('loading');
const signedOut = byId('signed-out');
const signInForm = byId<HTMLFormElement>('sign-in-form');
const signInError = byId('sign-in-error');
const portal = byId('portal');

function showSignIn() {
  loading.hidden = true;
  portal.hidden = true;
  hidePortal();
  signedOut.hidden = false;
}

function showApp(me: Me) {
  loading.hidden = true;
  signedOut.hidden = true;
  portal.hidden = false;
  showPortal(me);
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
    const me = await signIn(email, password);
    signInForm.reset();
    showApp(me);
  } catch (error) {
    signInError.textContent = (error as Error).message;
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
  await signOut();
  showSignIn();
}

/**
 * Restores the session: a valid cookie shows the screen at once. The provider reads `/me` (the page
 * does not read it too: the one answer that says an account was lost would go to whoever asked first).
 */
async function start() {
  const me = await restoredSession(byId<RosterProvider>('provider'));
  if (me) showApp(me);
  else showSignIn();
}

signInForm.addEventListener('submit', handleSignInSubmit);
signedOut.querySelector('.demo-accounts')?.addEventListener('click', handleDemoAccountClick as EventListener);
startPortal(() => void handleSignOutClick());
void start();
startMailbox(byId('mailbox'));
startHostThemeSwitch(byId<HTMLSelectElement>('host-theme'));
