// The host page's own code: plain DOM, like any host. Roster's elements come from /assets/roster.js.

/** The host's token, fetched from the host's backend and kept until shortly before it expires. */
let cached = null;
async function getToken() {
  if (cached && cached.until > Date.now()) return cached.token;
  const response = await fetch('/host/token', { credentials: 'same-origin' });
  if (!response.ok) throw new Error('Signed out of the host');
  const { token, expiresIn } = await response.json();
  cached = { token, until: Date.now() + (expiresIn - 30) * 1000 };
  return token;
}

const form = document.getElementById('host-sign-in');
const signedIn = document.getElementById('signed-in');
const screen = document.getElementById('screen');

async function showScreen() {
  const me = await fetch('/api/me', { headers: { authorization: `Bearer ${await getToken()}` } }).then((r) => r.json());
  document.getElementById('who').textContent = me.user.email;
  form.hidden = true;
  signedIn.hidden = false;
  const provider = document.createElement('roster-provider');
  provider.getToken = getToken;
  if (me.activeAccountId) provider.setAttribute('account-id', me.activeAccountId);
  provider.append(document.createElement('users-settings'));
  screen.replaceChildren(provider);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = new FormData(form).get('email');
  await fetch('/host/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  cached = null;
  await showScreen();
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await fetch('/host/session', { method: 'DELETE' });
  cached = null;
  screen.replaceChildren();
  signedIn.hidden = true;
  form.hidden = false;
});

showScreen().catch(() => {});
