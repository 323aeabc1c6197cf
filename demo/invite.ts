/**
 * The invitation page's host code. Links are `/invite/<token>`, so the token is the last segment of
 * the path. Accepting signs the person in with the account active: the main page then shows it,
 * with a welcome.
 */

function tokenFromPath(): string {
  const segment = location.pathname.split('/').at(-1) ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return ''; // A mangled link: the element says it does not work.
  }
}

const element = document.createElement('invitation-response');
element.setAttribute('api-base', '/api');
element.setAttribute('token', tokenFromPath());
// The main page welcomes the person to the account they joined (`<users-settings welcome>`).
element.addEventListener('invitation-accepted', (event) => location.assign(`/?welcome=${encodeURIComponent(event.detail.accountId)}`));
document.getElementById('invitation')?.append(element);
