import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import '../../framework-app.css';

// React hands a custom element its props as properties only when it knows them, that is once the
// element is defined: roster.js has run by now (it comes first in the page), this makes it certain.
const ROSTER_TAGS = ['roster-provider', 'users-settings', 'account-switcher'];
void Promise.all(ROSTER_TAGS.map((tag) => customElements.whenDefined(tag))).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
