// The operators' console: plain JavaScript modules, no library, nothing fetched from elsewhere. Every call goes to the
// console's /api/{service}/... (api.js), which passes it on to the service with the signed-in operator's access token.
// The page never sees a token nor a password: signing in and out happens on the identity provider's own pages
// (/sign-in, /sign-out), and the console keeps the session in a cookie no script can read.
import { request, signInNeeded, whenSessionEnds, why } from './api.js';
import { drafts, forgetDrafts, refreshHeld } from './held.js';
import { refreshPayments, showPayments } from './payments.js';
import { showTimeline } from './timeline.js';
import { showAccount, showAccounts } from './accounts.js';
import { showSanctions } from './sanctions.js';
import { refreshSubscriptions } from './subscriptions.js';
import { follow, stopFollowingAll, throttled } from './live.js';

const RETURN_TO = 'console.returnTo'; // where the page was when its operator went to sign in
const state = { me: null };

function notice(text) {
  const box = document.getElementById('notice');
  box.textContent = text || '';
  box.hidden = !text;
}

// ---- signing in ----------------------------------------------------------------------------------------------------

/** The header: who is signed in (from the console's /api/me), or the way to sign in. */
function showSignedIn() {
  const me = state.me;
  document.getElementById('signed-out').hidden = !!me;
  document.getElementById('signed-in').hidden = !me;
  const who = document.getElementById('who');
  who.textContent = me ? me.name || me.username : '';
  who.title = me ? `${me.username} (${me.subject})` : '';
  document.getElementById('who-roles').textContent = me
    ? (me.roles && me.roles.length ? me.roles.join(', ') : 'no operator role') : '';
}

/** The session is gone: the page says so and waits for its operator to sign in again, keeping what they typed. */
function sessionEnded() {
  const wasSignedIn = state.me !== null;
  state.me = null;
  stopFollowingAll();
  showSignedIn();
  notice(wasSignedIn || Object.keys(drafts()).length
    ? 'Your session has ended. Sign in again (top right): the reasons you were typing are kept.'
    : 'Sign in (top right) to use the console.');
}

whenSessionEnds(sessionEnded);

document.getElementById('sign-in').addEventListener('click', () => {
  sessionStorage.setItem(RETURN_TO, location.hash);
  location.assign('/sign-in');
});

/** Signing out leaves nothing of its operator on the page: what was typed and what was shown go with the session. */
document.getElementById('sign-out').addEventListener('click', () => {
  forgetDrafts();
  sessionStorage.removeItem(RETURN_TO);
  state.me = null;
  stopFollowingAll();
  for (const form of document.querySelectorAll('form')) form.reset();
  for (const shown of document.querySelectorAll('.results')) shown.replaceChildren();
  showSignedIn();
  location.assign('/sign-out');
});

// a page the browser kept from before signing out (back button) is asked for again, never shown as it was
window.addEventListener('pageshow', event => {
  if (event.persisted) location.reload();
});

// ---- live updates --------------------------------------------------------------------------------------------------

/** The held payments as they change (pushed by sanctions-service); the payments overview's first page too. */
function startLiveUpdates() {
  refreshHeld(notice);
  follow('held-payments', throttled(() => refreshHeld(notice), 300), sessionEnded);
  follow('payments', throttled(() => {
    if (!document.getElementById('payments').hidden && !document.getElementById('payments-overview').hidden) {
      refreshPayments();
    }
  }, 2000), sessionEnded);
}

// ---- payments search -----------------------------------------------------------------------------------------------

document.getElementById('payment-search-form').addEventListener('submit', event => {
  event.preventDefault();
  const query = document.getElementById('payment-query').value.trim();
  // a sort code and an account number: that account's payments are on its statement
  const account = /^(\d{2}-?\d{2}-?\d{2})\s+(\d{8})$/.exec(query);
  if (account) location.hash = `#accounts/${account[1].replace(/-/g, '')}/${account[2]}`;
  else if (query) location.hash = `#payments/${encodeURIComponent(query)}`;
});

// ---- pages ---------------------------------------------------------------------------------------------------------

function route() {
  const [page, ...rest] = (location.hash.substring(1) || 'held').split('/').map(decodeURIComponent);
  for (const section of document.querySelectorAll('section.page')) section.hidden = section.id !== page;
  for (const tab of document.querySelectorAll('nav a')) {
    if (tab.id === 'tab-' + page) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
  }
  if (!state.me) return; // every read needs someone signed in
  if (page === 'payments') {
    const timeline = document.getElementById('payment-result');
    document.getElementById('payments-overview').hidden = !!rest[0];
    if (rest[0]) {
      document.getElementById('payment-query').value = rest[0];
      showTimeline(rest[0], timeline);
    } else {
      timeline.replaceChildren();
      showPayments();
    }
  } else if (page === 'accounts') {
    if (rest.length === 2) showAccount(rest[0], rest[1]); else showAccounts();
  } else if (page === 'sanctions') {
    showSanctions(state.me);
  } else if (page === 'subscriptions') {
    refreshSubscriptions();
  }
}

/** Back on the page (maybe from signing in): where it was, who is signed in, then the page's data. */
async function start() {
  const returnTo = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  if (returnTo && !location.hash) history.replaceState(null, '', returnTo);
  window.addEventListener('hashchange', route);
  const me = await request('/api/me');
  if (me.status === 200) {
    state.me = me.body;
    showSignedIn();
    if (Object.keys(drafts()).length) notice('Signed in again: the reasons you were typing are back where they were.');
    startLiveUpdates();
  } else if (!signInNeeded(me)) {
    showSignedIn();
    notice(why(me));
  }
  route();
}

start();
