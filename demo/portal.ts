/**
 * The signed-in portal of the demo: a header with the product name, Roster's account switcher and
 * an avatar menu (My profile, Sign out), and two pages, Settings › Users and My profile, chosen by
 * the URL's hash so a reload stays on the page. Plain DOM; user text only with textContent.
 */
import type { Me } from '@roster/shared';
import { byId } from './dom.ts';

type User = Me['user'];
type Page = 'users' | 'profile';

const PAGE_TITLES: Record<Page, string> = { users: 'Settings › Users', profile: 'My profile' };

const provider = byId('provider');
const switcher = byId('switcher');
const avatarButton = byId<HTMLButtonElement>('avatar-button');
const avatarMenu = byId<HTMLUListElement>('avatar-menu');
const pageHeading = byId('page-heading');
const screen = byId('screen');

let current: Me | undefined;

const pageOfHash = (): Page => (location.hash === '#/profile' ? 'profile' : 'users');

/** The element bundles a page needs beyond roster.js, each fetched once, when first shown. */
const loaded = new Set<string>();
function loadBundle(name: string) {
  if (loaded.has(name)) return;
  loaded.add(name);
  const script = document.createElement('script');
  script.type = 'module';
  script.src = `/assets/${name}.js`;
  document.head.append(script);
}

/** "AL" for Ada Lovelace: what the avatar button shows without a picture. */
function initials(user: User): string {
  const letters = [user.firstName, user.lastName].map((name) => name.trim().charAt(0)).join('');
  return (letters || user.email.charAt(0)).toLocaleUpperCase();
}

/** The avatar button: the person's picture or initials, with their name (read by screen readers at every width). */
function showPerson(user: User) {
  const avatar = avatarButton.querySelector<HTMLElement>('.avatar')!;
  if (user.avatarUrl) {
    const image = document.createElement('img');
    image.src = user.avatarUrl;
    image.alt = '';
    avatar.replaceChildren(image);
  } else {
    avatar.textContent = initials(user);
  }
  const name = `${user.firstName} ${user.lastName}`.trim() || user.email;
  avatarButton.querySelector('.avatar-name')!.textContent = name;
  avatarButton.title = `${name} (${user.email})`;
  // This page says it is English (<html lang="en">), which Roster would follow; the demo lets each
  // person's display language rule instead, so a language saved in the profile shows at once.
  provider.setAttribute('locale', user.locale);
}

function showPage({ focus }: { focus: boolean }) {
  if (!current) return;
  const page = pageOfHash();
  pageHeading.textContent = PAGE_TITLES[page];
  document.title = `${PAGE_TITLES[page]} — Roster demo`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#portal a[data-page]')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (page === 'profile') loadBundle('user-profile');
  // For a person in no account, <users-settings> itself says so (and the profile is one click away).
  const tag = page === 'profile' ? 'user-profile' : 'users-settings';
  if (screen.firstElementChild?.localName !== tag) screen.replaceChildren(welcomed(document.createElement(tag)));
  // A new page was chosen: its title takes focus, so screen readers say where the person is now.
  if (focus) pageHeading.focus();
}

function setMenuOpen(open: boolean, { returnFocus = false } = {}) {
  avatarButton.setAttribute('aria-expanded', String(open));
  avatarMenu.hidden = !open;
  if (!open && returnFocus) avatarButton.focus();
}

/** The avatar menu is a disclosure: the button shows and hides a list of a link and a button. */
function wireAvatarMenu(onSignOut: () => void) {
  avatarButton.addEventListener('click', () => setMenuOpen(avatarMenu.hidden));
  const container = avatarButton.parentElement!;
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !avatarMenu.hidden) {
      event.preventDefault();
      setMenuOpen(false, { returnFocus: true });
    }
  });
  // Leaving the menu by Tab or by a click elsewhere closes it.
  container.addEventListener('focusout', (event) => {
    if (!container.contains(event.relatedTarget as Node | null)) setMenuOpen(false);
  });
  document.addEventListener('pointerdown', (event) => {
    if (!container.contains(event.target as Node)) setMenuOpen(false);
  });
  avatarMenu.addEventListener('click', (event) => {
    const target = (event.target as Element).closest('a, button');
    if (!target) return;
    setMenuOpen(false);
    // The same page again still takes the person to its title.
    if (target instanceof HTMLAnchorElement && target.hash === location.hash) showPage({ focus: true });
    if (target.id === 'sign-out') onSignOut();
  });
}

/** Back from accepting an invitation (invite.ts: `/?welcome=<accountId>`): the Users page welcomes the person, once. */
function welcomed(element: HTMLElement): HTMLElement {
  const welcome = new URLSearchParams(location.search).get('welcome');
  if (welcome && element.localName === 'users-settings') {
    element.setAttribute('welcome', welcome);
    history.replaceState(null, '', location.pathname + location.hash);
  }
  return element;
}

/**
 * Shows the portal for the signed-in person, on the page the URL names. The provider is handed the
 * person as signed in (it follows their active account, and keeps a lost account's message).
 */
export function showPortal(me: Me) {
  current = me;
  showPerson(me.user);
  (provider as HTMLElement & { me?: Me | null }).me = me;
  // Fresh for each person: it reads who is signed in when it starts.
  switcher.replaceChildren(document.createElement('account-switcher'));
  screen.replaceChildren();
  showPage({ focus: false });
}

export function hidePortal() {
  current = undefined;
  (provider as HTMLElement & { me?: Me | null }).me = null;
  provider.removeAttribute('locale');
  setMenuOpen(false);
  switcher.replaceChildren();
  screen.replaceChildren();
}

export function startPortal(onSignOut: () => void) {
  wireAvatarMenu(onSignOut);
  window.addEventListener('hashchange', () => showPage({ focus: true }));
  // `<user-profile>` saved the person: the header shows the new name or picture.
  document.addEventListener('profile-updated', (event) => {
    const { user } = (event as CustomEvent<{ user: User }>).detail;
    if (current) current = { ...current, user };
    showPerson(user);
  });
}
