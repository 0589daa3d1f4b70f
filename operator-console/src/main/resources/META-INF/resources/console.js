// The operators' console: plain JavaScript, no library. Every call goes to the console's /api/{service}/..., which
// passes it on to the service with the signed-in operator's access token. The page never sees a token nor a password:
// signing in and out happens on the identity provider's own pages (/sign-in, /sign-out), and the console keeps the
// session in a cookie no script can read. Text from the services is only ever set as text.
'use strict';

const HELD_REFRESH_MS = 3000;
const NEW_FOR_MS = 30000;
// kept in this tab's sessionStorage through a trip to the identity provider's sign-in page and back
const DRAFTS = 'console.drafts'; // the reasons being typed, by payment id
const RETURN_TO = 'console.returnTo'; // where the page was when its operator went to sign in
const state = { me: null, heldSeen: new Map(), heldPoll: null, heldTimer: null, screenings: new Map() };

// ---- small helpers -------------------------------------------------------------------------------------------------

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Minor units as pounds and pence, by integer arithmetic: money is never a float here either. */
function money(amount) {
  if (!amount) return '';
  const minor = typeof amount === 'number' ? amount : amount.minorUnits;
  const currency = typeof amount === 'number' ? 'GBP' : amount.currency;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const pounds = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${currency === 'GBP' ? '£' : currency + ' '}${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '';
}

function party(p) {
  return p ? `${p.name} (${p.sortCode} ${p.accountNumber})` : '';
}

function notice(text) {
  const box = document.getElementById('notice');
  box.textContent = text || '';
  box.hidden = !text;
}

/**
 * A call to the console, one at a time: when a token is near its end, two calls at once would both have the console
 * refresh it, and the identity provider takes each refresh token once only (the second call would end the session).
 */
let calls = Promise.resolve();
function request(url, options = {}) {
  const call = calls.then(() => send(url, options));
  calls = call.catch(() => undefined);
  return call;
}

/** The page's header tells the console the call comes from its page: no redirect, a 499 without a session. */
async function send(url, options) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method: options.method || 'GET', headers, credentials: 'same-origin',
      redirect: 'manual', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch (e) {
    return { status: 0, body: { detail: 'The console did not answer: ' + e.message } };
  }
  if (response.type === 'opaqueredirect') { // sent to sign in: as good as a 499
    sessionEnded();
    return { status: 499, body: null };
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  const answer = { status: response.status, body };
  if (signInNeeded(answer)) sessionEnded();
  return answer;
}

function api(service, path, options = {}) {
  return request(`/api/${service}/${path}`, options);
}

/** No one signed in, or the session ended (499 from the console, 401 from a service that refused its token). */
function signInNeeded(answer) {
  return answer.status === 499 || answer.status === 401;
}

/** What went wrong, from a problem+json answer, for the operator. */
function why(answer) {
  if (signInNeeded(answer)) return 'Sign in again (top right): what you typed here is kept.';
  if (answer.status === 403) return (answer.body && answer.body.detail) || 'You do not have the role this needs.';
  const detail = answer.body && (answer.body.detail || answer.body.title);
  const fields = answer.body && answer.body.errors
    ? ' ' + answer.body.errors.map(e => `${e.field}: ${e.message}`).join('; ') : '';
  return `${detail || 'HTTP ' + answer.status}${fields}`;
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

function drafts() {
  try { return JSON.parse(sessionStorage.getItem(DRAFTS)) || {}; } catch (e) { return {}; }
}

/** Keeps (or, for an empty one, forgets) the reason being typed for a held payment, through any sign-in. */
function keepDraft(paymentId, reason) {
  const all = drafts();
  if (reason && reason.trim()) all[paymentId] = reason; else delete all[paymentId];
  if (Object.keys(all).length) sessionStorage.setItem(DRAFTS, JSON.stringify(all));
  else sessionStorage.removeItem(DRAFTS);
}

/** The session is gone: the page says so and waits for its operator to sign in again, keeping what they typed. */
function sessionEnded() {
  const wasSignedIn = state.me !== null;
  state.me = null;
  stopHeldPolling();
  showSignedIn();
  notice(wasSignedIn || Object.keys(drafts()).length
    ? 'Your session has ended. Sign in again (top right): the reasons you were typing are kept.'
    : 'Sign in (top right) to use the console.');
}

document.getElementById('sign-in').addEventListener('click', () => {
  sessionStorage.setItem(RETURN_TO, location.hash);
  location.assign('/sign-in');
});

document.getElementById('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(DRAFTS);
  sessionStorage.removeItem(RETURN_TO);
  location.assign('/sign-out');
});

// ---- held payments -------------------------------------------------------------------------------------------------

async function screeningOf(paymentId) {
  if (!state.screenings.has(paymentId)) {
    const answer = await api('sanctions', `screenings/${encodeURIComponent(paymentId)}`);
    if (answer.status !== 200) return null;
    state.screenings.set(paymentId, answer.body);
  }
  return state.screenings.get(paymentId);
}

function matchesTable(matches, threshold) {
  return el('table', { class: 'matches' },
    el('tr', {}, el('th', {}, 'Party'), el('th', {}, 'Name in the payment'), el('th', {}, 'Name on the list'),
      el('th', {}, 'List entry'), el('th', { class: 'money' }, 'Score'), el('th', { class: 'money' }, 'Threshold')),
    (matches || []).map(m => el('tr', { class: 'match' },
      el('td', {}, m.party), el('td', { class: 'screened-name' }, m.screenedName),
      el('td', { class: 'listed-name' }, m.listedName), el('td', {}, m.listEntryId),
      el('td', { class: 'money score' + (threshold !== undefined && m.score >= threshold ? ' score-high' : '') },
        m.score.toFixed(3)),
      el('td', { class: 'money' }, threshold === undefined ? '' : threshold.toFixed(2)))));
}

async function decide(card, paymentId, decision) {
  const reason = card.querySelector('textarea.reason').value.trim();
  const error = card.querySelector('.error');
  if (!reason) { error.textContent = 'A reason is required.'; return; }
  card.querySelectorAll('button').forEach(b => { b.disabled = true; });
  const answer = await api('sanctions', `held-payments/${encodeURIComponent(paymentId)}/${decision}`,
    { method: 'POST', body: { reason } });
  if (answer.status >= 200 && answer.status < 300) {
    keepDraft(paymentId, '');
    card.remove();
    notice(`Payment ${paymentId} ${decision === 'release' ? 'released' : 'rejected'}.`);
    refreshHeld();
  } else {
    error.textContent = why(answer);
    card.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

function heldCard(held, screening, isNew) {
  const details = held.details || {};
  const card = el('div', { class: 'card held-payment' + (isNew ? ' new' : ''), 'data-payment-id': held.paymentId },
    el('h3', {}, `${held.direction} ${money(details.amount)} `, el('code', {}, held.paymentId)),
    el('div', { class: 'parties' },
      el('div', {}, el('strong', {}, 'Originator: '), party(details.originator)),
      el('div', {}, el('strong', {}, 'Beneficiary: '), party(details.beneficiary))),
    el('div', {}, `Scheme transaction ${details.schemeTransactionId || ''}, reference "${details.reference || ''}", `
      + `held ${when(held.heldAt)}`),
    matchesTable(held.matches, screening ? screening.threshold : undefined));
  const reason = el('textarea', { class: 'reason', placeholder: 'Reason for the decision (required)', maxlength: 500,
    oninput: () => keepDraft(held.paymentId, reason.value) });
  const draft = drafts()[held.paymentId];
  if (draft) {
    reason.value = draft;
    card.append(el('p', { class: 'hint draft-note' }, 'Your reason, kept while you signed in again:'));
  }
  card.append(reason, el('div', { class: 'error' }));
  card.append(
    el('button', { class: 'release', type: 'button', onclick: () => decide(card, held.paymentId, 'release') },
      'Release'), ' ',
    el('button', { class: 'reject', type: 'button', onclick: () => decide(card, held.paymentId, 'reject') },
      'Reject'));
  return card;
}

async function refreshHeld() {
  if (!state.me) return;
  const answer = await api('sanctions', 'held-payments');
  const list = document.getElementById('held-list');
  if (signInNeeded(answer)) return; // the cards stay as they are, with what is being typed in them
  if (answer.status !== 200) {
    list.replaceChildren(el('p', { class: 'error' }, why(answer)));
    return;
  }
  const now = Date.now();
  const held = answer.body;
  document.getElementById('held-count').textContent = held.length ? String(held.length) : '';
  const present = new Set(held.map(h => h.paymentId));
  for (const id of Object.keys(drafts())) if (!present.has(id)) keepDraft(id, ''); // decided meanwhile
  // cards whose reason the operator is typing stay as they are
  const existing = new Map([...list.querySelectorAll('.held-payment')].map(c => [c.dataset.paymentId, c]));
  for (const [id, card] of existing) if (!present.has(id)) card.remove();
  if (held.length === 0) list.replaceChildren(el('p', { id: 'held-empty' }, 'No payment is held.'));
  else list.querySelector('#held-empty')?.remove();
  let previous = null;
  for (const h of held) {
    const firstSeen = state.heldSeen.get(h.paymentId) ?? (state.heldPoll === null ? 0 : now);
    state.heldSeen.set(h.paymentId, firstSeen);
    let card = existing.get(h.paymentId);
    if (!card) {
      card = heldCard(h, await screeningOf(h.paymentId), now - firstSeen < NEW_FOR_MS && firstSeen > 0);
      if (previous) previous.after(card); else list.prepend(card);
    } else {
      card.classList.toggle('new', firstSeen > 0 && now - firstSeen < NEW_FOR_MS);
    }
    previous = card;
  }
  state.heldPoll = now;
}

function startHeldPolling() {
  refreshHeld();
  if (state.heldTimer === null) state.heldTimer = setInterval(refreshHeld, HELD_REFRESH_MS);
}

function stopHeldPolling() {
  if (state.heldTimer !== null) clearInterval(state.heldTimer);
  state.heldTimer = null;
}

// ---- payments ------------------------------------------------------------------------------------------------------

function summary(entry) {
  const e = entry.event || {};
  if (e.reason) return typeof e.reason === 'string' ? e.reason : JSON.stringify(e.reason);
  if (e.returnReason) return JSON.stringify(e.returnReason);
  if (e.details && e.details.amount) return `${money(e.details.amount)} ${party(e.details.originator)} → `
    + party(e.details.beneficiary);
  if (e.operatorId) return `by ${e.operatorId}`;
  return '';
}

async function showPayment(query) {
  const result = document.getElementById('payment-result');
  result.replaceChildren(el('p', {}, 'Looking…'));
  let paymentId = query;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(query)) {
    const found = await api('scheme', `payments?schemeTransactionId=${encodeURIComponent(query)}`);
    if (found.status !== 200 || found.body.length === 0) {
      result.replaceChildren(el('p', { class: 'error' }, found.status === 200
        ? `No payment has the scheme transaction id ${query}.` : why(found)));
      return;
    }
    paymentId = found.body[0].paymentId;
  }
  const answer = await api('scheme', `payments/${encodeURIComponent(paymentId)}/timeline`);
  if (answer.status !== 200) {
    result.replaceChildren(el('p', { class: 'error' }, why(answer)));
    return;
  }
  const trail = answer.body;
  const screening = trail.screening;
  result.replaceChildren(el('div', { class: 'card', id: 'payment-card', 'data-payment-id': trail.paymentId },
    el('h3', {}, 'Payment ', el('code', {}, trail.paymentId), ' — ',
      el('span', { id: 'payment-status' }, trail.status)),
    el('table', { id: 'timeline' },
      el('tr', {}, el('th', {}, '#'), el('th', {}, 'Event'), el('th', {}, 'Recorded'), el('th', {}, 'What'),
        el('th', {}, 'Correlation'), el('th', {}, 'Caused by')),
      trail.timeline.map(t => el('tr', { class: 'timeline-entry' },
        el('td', {}, t.revision), el('td', { class: 'event-type' }, t.type), el('td', {}, when(t.recordedAt)),
        el('td', {}, summary(t)), el('td', {}, el('code', {}, t.correlationId || '')),
        el('td', {}, el('code', {}, t.causationId || ''))))),
    screening ? el('div', { id: 'screening' },
      el('h3', {}, screening.held ? 'Held by screening' : 'Cleared by screening',
        ` (threshold ${screening.threshold}, list revision ${screening.listRevision})`),
      screening.matches && screening.matches.length ? matchesTable(screening.matches, screening.threshold) : null,
      screening.decision ? el('p', { id: 'decision' }, `${screening.decision.outcome} by `
        + `${screening.decision.operatorId} at ${when(screening.decision.at || screening.decision.decidedAt)}: `
        + `"${screening.decision.reason || ''}"`) : null)
      : el('p', { class: 'hint' }, trail.screeningNote || '')));
}

document.getElementById('payment-search-form').addEventListener('submit', event => {
  event.preventDefault();
  const query = document.getElementById('payment-query').value.trim();
  // a sort code and an account number: that account's payments are on its statement
  const account = /^(\d{2}-?\d{2}-?\d{2})\s+(\d{8})$/.exec(query);
  if (account) location.hash = `#accounts/${account[1].replace(/-/g, '')}/${account[2]}`;
  else if (query) location.hash = `#payments/${encodeURIComponent(query)}`;
});

// ---- accounts ------------------------------------------------------------------------------------------------------

async function showAccount(sortCode, accountNumber) {
  const result = document.getElementById('account-result');
  if (!/^\d{6}$/.test(sortCode) || !/^\d{8}$/.test(accountNumber)) {
    result.replaceChildren(el('p', { class: 'error' }, 'A sort code is 6 digits and an account number 8.'));
    return;
  }
  const answer = await api('accounts', `accounts/by-number/${sortCode}/${accountNumber}`);
  if (answer.status !== 200) {
    result.replaceChildren(el('p', { class: 'error' }, why(answer)));
    return;
  }
  const account = answer.body;
  const statement = el('div', { id: 'statement' });
  const asOfResult = el('span', { id: 'as-of-result' });
  const from = el('input', { type: 'datetime-local', id: 'statement-from' });
  const to = el('input', { type: 'datetime-local', id: 'statement-to' });
  const asOf = el('input', { type: 'datetime-local', id: 'as-of' });
  result.replaceChildren(el('div', { class: 'card', id: 'account-card', 'data-account-id': account.accountId },
    el('h3', {}, `${account.holderName} — ${account.sortCode} ${account.accountNumber} `,
      el('code', {}, account.accountId)),
    el('table', {},
      el('tr', {}, el('th', {}, 'Status'), el('th', { class: 'money' }, 'Balance'),
        el('th', { class: 'money' }, 'Available')),
      el('tr', {}, el('td', { id: 'account-status' }, account.status),
        el('td', { class: 'money', id: 'account-balance' }, money(account.balancePence)),
        el('td', { class: 'money' }, money(account.availableBalancePence)))),
    el('p', {}, 'Balance as of ', asOf, ' (UTC) ',
      el('button', { type: 'button', id: 'as-of-show', onclick: async () => {
        if (!asOf.value) { asOfResult.textContent = 'Choose a time.'; return; }
        const at = await api('accounts', `accounts/${account.accountId}?asOf=${encodeURIComponent(asOf.value + ':00Z')}`);
        asOfResult.textContent = at.status === 200
          ? `${money(at.body.balancePence)} (${at.body.status}, revision ${at.body.revision})` : why(at);
      } }, 'Show'), ' ', asOfResult),
    el('h3', {}, 'Statement'),
    el('p', {}, 'From ', from, ' to ', to, ' (UTC) ',
      el('button', { type: 'button', id: 'statement-show',
        onclick: () => showStatement(account.accountId, from.value, to.value, statement) }, 'Show')),
    statement));
  showStatement(account.accountId, '', '', statement);
}

async function showStatement(accountId, from, to, into) {
  const bounds = [from ? `from=${encodeURIComponent(from + ':00Z')}` : '', to ? `to=${encodeURIComponent(to + ':00Z')}` : '']
    .filter(Boolean).join('&');
  const answer = await api('accounts', `accounts/${accountId}/transactions${bounds ? '?' + bounds : ''}`);
  if (answer.status !== 200) {
    into.replaceChildren(el('p', { class: 'error' }, why(answer)));
    return;
  }
  into.replaceChildren(el('table', {},
    el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Payment'), el('th', { class: 'money' }, 'Amount'),
      el('th', { class: 'money' }, 'Balance after')),
    answer.body.map(t => el('tr', { class: 'transaction' },
      el('td', {}, when(t.at)),
      el('td', {}, el('a', { href: `#payments/${encodeURIComponent(t.paymentId)}` }, t.paymentId)),
      el('td', { class: 'money' }, money(t.amountPence)),
      el('td', { class: 'money' }, money(t.balanceAfterPence))))));
}

document.getElementById('account-search-form').addEventListener('submit', event => {
  event.preventDefault();
  const sortCode = document.getElementById('sort-code').value.replace(/[\s-]/g, '');
  const number = document.getElementById('account-number').value.replace(/\s/g, '');
  location.hash = `#accounts/${sortCode}/${number}`;
});

// ---- subscriptions -------------------------------------------------------------------------------------------------

const SERVICES = [['scheme', 'payment-scheme-service'], ['sanctions', 'sanctions-service'],
  ['accounts', 'accounts-service'], ['simulator', 'scheme-simulator']];

async function showParked(service, group, into) {
  const answer = await api(service, `ops/subscriptions/${encodeURIComponent(group)}/parked`);
  if (answer.status !== 200) { into.replaceChildren(el('p', { class: 'error' }, why(answer))); return; }
  into.replaceChildren(answer.body.length === 0 ? el('p', {}, 'Nothing parked.') : el('table', { class: 'parked' },
    el('tr', {}, el('th', {}, 'Parked'), el('th', {}, 'Payment'), el('th', {}, 'Event'), el('th', {}, 'Retries'),
      el('th', {}, 'Reason')),
    answer.body.map(p => el('tr', {}, el('td', {}, when(p.parkedAt)),
      el('td', {}, p.paymentId ? el('a', { href: `#payments/${encodeURIComponent(p.paymentId)}` }, p.paymentId) : ''),
      el('td', {}, `${p.eventType || ''} ${p.eventRevision ?? ''}@${p.eventStream || ''}`),
      el('td', {}, p.retryCount ?? ''), el('td', {}, p.reason || '')))));
}

async function refreshSubscriptions() {
  const list = document.getElementById('subscriptions-list');
  const sections = [];
  for (const [service, name] of SERVICES) {
    const answer = await api(service, 'ops/subscriptions');
    const detail = el('div');
    sections.push(el('h3', {}, name), answer.status !== 200 ? el('p', { class: 'error' }, why(answer))
      : el('table', { class: 'groups', 'data-service': service },
        el('tr', {}, el('th', {}, 'Group'), el('th', {}, 'Status'), el('th', {}, 'Consumers'),
          el('th', { class: 'money' }, 'Lag'), el('th', { class: 'money' }, 'In flight'),
          el('th', { class: 'money' }, 'Parked'), el('th', {}, '')),
        answer.body.map(g => el('tr', { class: 'group', 'data-group': g.group },
          el('td', {}, g.group), el('td', {}, g.exists ? g.status : 'missing'), el('td', {}, g.consumers),
          el('td', { class: 'money' }, g.lag ?? ''), el('td', { class: 'money' }, g.inFlight),
          el('td', { class: 'money parked-count' }, g.parked),
          el('td', {},
            el('button', { type: 'button', class: 'show-parked',
              onclick: () => showParked(service, g.group, detail) }, 'Parked…'), ' ',
            el('button', { type: 'button', class: 'replay', disabled: g.parked === 0, onclick: async () => {
              const replay = await api(service, `ops/subscriptions/${encodeURIComponent(g.group)}/parked/replay`,
                { method: 'POST' });
              notice(replay.status === 202 ? `Replaying the parked messages of ${g.group}.` : why(replay));
              setTimeout(refreshSubscriptions, 1500);
            } }, 'Replay'))))), detail);
  }
  list.replaceChildren(...sections);
}

document.getElementById('subscriptions-refresh').addEventListener('click', refreshSubscriptions);

// ---- pages ---------------------------------------------------------------------------------------------------------

function route() {
  const [page, ...rest] = (location.hash.substring(1) || 'held').split('/').map(decodeURIComponent);
  for (const section of document.querySelectorAll('section.page')) section.hidden = section.id !== page;
  for (const tab of document.querySelectorAll('nav a')) tab.classList.toggle('active', tab.id === 'tab-' + page);
  if (!state.me) return; // every read needs someone signed in
  if (page === 'payments' && rest[0]) {
    document.getElementById('payment-query').value = rest[0];
    showPayment(rest[0]);
  } else if (page === 'accounts' && rest.length === 2) {
    document.getElementById('sort-code').value = rest[0];
    document.getElementById('account-number').value = rest[1];
    showAccount(rest[0], rest[1]);
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
    startHeldPolling();
  } else if (!signInNeeded(me)) {
    showSignedIn();
    notice(why(me));
  }
  route();
}

start();
