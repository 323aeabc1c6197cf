/**
 * The demo mailbox panel: the emails the demo server captured instead of sending (no SMTP_URL),
 * read from /demo/mailbox.json every few seconds. Email text is user data: it is only ever set
 * with textContent, and only links into this very site become clickable.
 */

interface CapturedEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

const POLL_MS = 4_000;

export function startMailbox(section: HTMLElement) {
  const list = section.querySelector<HTMLOListElement>('ol')!;
  const status = section.querySelector<HTMLElement>('[role="status"]')!;
  const refreshButton = section.querySelector<HTMLButtonElement>('button')!;
  const shown = new Map<string, HTMLLIElement>();
  let firstLoad = true;
  let loading = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function refresh() {
    if (loading) return;
    loading = true;
    try {
      const response = await fetch('/demo/mailbox.json', { cache: 'no-store' });
      if (response.status === 404) {
        // Emails go out through SMTP: nothing will ever show up here.
        clearInterval(timer);
        refreshButton.disabled = true;
        setStatus('This server sends emails through SMTP_URL, so there is no demo mailbox.');
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      show((await response.json()) as CapturedEmail[]);
    } catch {
      setStatus('The mailbox could not be read. It tries again in a few seconds.');
    } finally {
      loading = false;
    }
  }

  /** Adds what is new at the top and drops what the server no longer keeps; the rest stays as is (open or focused). */
  function show(emails: CapturedEmail[]) {
    const ids = new Set(emails.map((email) => email.id));
    for (const [id, item] of shown) {
      if (!ids.has(id)) {
        item.remove();
        shown.delete(id);
      }
    }
    const fresh = emails.filter((email) => !shown.has(email.id));
    // Open: the newest at first, then whatever arrives while the page is open, so the link is
    // one click away.
    fresh.forEach((email, index) => {
      const item = renderEmail(email, !firstLoad || index === 0);
      shown.set(email.id, item);
      list.insertBefore(item, list.children[index] ?? null);
    });
    if (fresh.length > 0 || firstLoad) {
      setStatus(emails.length === 0 ? 'No emails yet.' : `${emails.length} email${emails.length > 1 ? 's' : ''}, newest first.`);
    }
    firstLoad = false;
  }

  function setStatus(message: string) {
    // Only changes are written, so screen readers hear news, not every poll.
    if (status.textContent !== message) status.textContent = message;
  }

  refreshButton.addEventListener('click', () => void refresh());
  timer = setInterval(() => {
    if (!document.hidden) void refresh();
  }, POLL_MS);
  void refresh();
}

function renderEmail(email: CapturedEmail, open: boolean): HTMLLIElement {
  const item = document.createElement('li');
  const details = document.createElement('details');
  details.open = open;

  const summary = document.createElement('summary');
  const subject = document.createElement('span');
  subject.className = 'mail-subject';
  subject.textContent = email.subject;
  const meta = document.createElement('span');
  meta.className = 'mail-meta';
  const time = document.createElement('time');
  time.dateTime = email.sentAt;
  time.textContent = new Date(email.sentAt).toLocaleString();
  // The leading separator keeps subject and recipient apart when read as one name.
  meta.append(` — to ${email.to} · `, time);
  summary.append(subject, meta);

  const body = document.createElement('div');
  body.className = 'mail-body';
  body.append(...linkify(email.text));
  details.append(summary, body);
  item.append(details);
  return item;
}

/** The text as nodes, with URLs into this site (the invitation links) as links. */
function linkify(text: string): Node[] {
  const site = `${location.origin}/`;
  return text.split(/(https?:\/\/\S+)/).map((part) => {
    if (!part.startsWith(site)) return document.createTextNode(part);
    const link = document.createElement('a');
    link.href = part;
    link.textContent = part;
    return link;
  });
}
