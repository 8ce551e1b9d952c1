import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { browserStorage } from './app/browser.js';
import { loadMessages } from './i18n/load-messages.js';
import { chooseLocale, readStoredLocale } from './i18n/locale.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A reader who chose Welsh (or whose browser is Welsh) gets Welsh from the first paint; Teams'
// own locale, known a moment later, is handled by useLocale.
const first = chooseLocale({
  stored: readStoredLocale(browserStorage('local')),
  browser: navigator.language,
});
loadMessages(first)
  .catch(() => {}) // offline: English is in the page already
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
