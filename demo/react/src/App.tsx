/**
 * A React host app embedding Roster's Users screen: it signs the person in (or finds their session),
 * hands `<roster-provider>` the person as its `me` property, and keeps its own activity log of the
 * events Roster fires, rendered by React. Roster adds no global CSS and holds no global state: the
 * provider element is the whole of it.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { activityOf, DEMO_PASSWORD, restoredSession, signIn, signOut, type Activity, type Me, type RosterProvider } from '../../roster-session.ts';

export function App() {
  const provider = useRef<RosterProvider>(null);
  /** undefined while the session is being looked for; null: signed out. */
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [activity, setActivity] = useState<Activity[]>([]);

  useEffect(() => {
    let current = true;
    void restoredSession(provider.current!).then((found) => current && setMe(found));
    return () => void (current = false);
  }, []);

  const record = useCallback((event: Event) => {
    setActivity((log) => [activityOf(event, provider.current?.me), ...log]);
  }, []);
  // The provider now holds the person with their new active account: the header follows it.
  const recordSwitch = useCallback(
    (event: Event) => {
      record(event);
      setMe(provider.current?.me ?? null);
    },
    [record],
  );

  async function leave() {
    await signOut();
    setActivity([]);
    setMe(null);
  }

  const account = me?.accounts.find((candidate) => candidate.id === me.activeAccountId);
  return (
    <roster-provider
      ref={provider}
      api-base="/api"
      me={me}
      onuser-removed={record}
      onuser-blocked={record}
      onuser-unblocked={record}
      onuser-updated={record}
      onusers-invited={record}
      oninvitation-resent={record}
      oninvitation-renewed={record}
      onaccount-switched={recordSwitch}
    >
      <header className="app-header">
        <strong className="app-name">Acme Console · React</strong>
        {me && (
          <>
            <account-switcher></account-switcher>
            <span className="app-person">{me.user.firstName || me.user.email}</span>
            <button type="button" onClick={() => void leave()}>
              Sign out
            </button>
          </>
        )}
      </header>
      {me === undefined && <p>Loading…</p>}
      {me === null && <SignInForm onSignedIn={setMe} />}
      {me && (
        <div className="app-body">
          <main>
            <h1>{account ? `Settings · ${account.name}` : 'Settings'}</h1>
            <users-settings></users-settings>
          </main>
          <ActivityLog activity={activity} />
        </div>
      )}
    </roster-provider>
  );
}

function ActivityLog({ activity }: { activity: Activity[] }) {
  return (
    <aside className="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity (rendered by React)</h2>
      {activity.length === 0 ? (
        <p>Nothing yet: what you do in the Users screen shows here.</p>
      ) : (
        <ol aria-live="polite">
          {activity.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at.toISOString()}>{entry.at.toLocaleTimeString()}</time> {entry.text}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError('');
    try {
      onSignedIn(await signIn(String(data.get('email')), String(data.get('password'))));
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  return (
    <main className="sign-in">
      <h1>Sign in</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" defaultValue="admin@acme.test" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <p className="error" role="alert">
          {error}
        </p>
        <button type="submit">Sign in</button>
      </form>
      <p>
        The demo's people all use the password <code>{DEMO_PASSWORD}</code>.
      </p>
    </main>
  );
}
