// Held payments: the queue, oldest first, with their screening matches; release or reject with a reason (a reject
// asks first, saying what it does, as it cannot be undone).
import { api, signInNeeded, why } from './api.js';
import { el, money, party, problem, table, when } from './ui.js';

const NEW_FOR_MS = 30000;
// kept in this tab's sessionStorage through a trip to the identity provider's sign-in page and back
const DRAFTS = 'console.drafts'; // the reasons being typed, by payment id
const state = { seen: new Map(), refreshed: null, screenings: new Map() };

export function drafts() {
  try { return JSON.parse(sessionStorage.getItem(DRAFTS)) || {}; } catch (e) { return {}; }
}

export function forgetDrafts() {
  sessionStorage.removeItem(DRAFTS);
}

/** Keeps (or, for an empty one, forgets) the reason being typed for a held payment, through any sign-in. */
function keepDraft(paymentId, reason) {
  const all = drafts();
  if (reason && reason.trim()) all[paymentId] = reason; else delete all[paymentId];
  if (Object.keys(all).length) sessionStorage.setItem(DRAFTS, JSON.stringify(all));
  else sessionStorage.removeItem(DRAFTS);
}

async function screeningOf(paymentId) {
  if (!state.screenings.has(paymentId)) {
    const answer = await api('sanctions', `screenings/${encodeURIComponent(paymentId)}`);
    if (answer.status !== 200) return null;
    state.screenings.set(paymentId, answer.body);
  }
  return state.screenings.get(paymentId);
}

export function matchesTable(matches, threshold) {
  return table({ class: 'matches' }, [['Party'], ['Name in the payment'], ['Name on the list'], ['List entry'],
    ['Score', 'money'], ['Threshold', 'money']],
  (matches || []).map(m => el('tr', { class: 'match' },
    el('td', {}, m.party), el('td', { class: 'screened-name' }, m.screenedName),
    el('td', { class: 'listed-name' }, m.listedName), el('td', {}, m.listEntryId),
    el('td', { class: 'money score' + (threshold !== undefined && m.score >= threshold ? ' score-high' : '') },
      m.score.toFixed(3)),
    el('td', { class: 'money' }, threshold === undefined ? '' : threshold.toFixed(2)))));
}

/** What a reject does, in words, for the payment's direction. */
function rejectConsequence(held) {
  return held.direction === 'OUTBOUND'
    ? 'The payment fails: it is not sent to the scheme, and the amount set aside on the customer\'s account is '
      + 'released.'
    : 'The payment fails: the beneficiary\'s account is not credited, and the money is not returned to the scheme '
      + '(it stays with the bank, so that a listed party is not tipped off).';
}

/** Asks before a reject, in the page's dialog: true when the operator confirms. */
function confirmReject(held, reason) {
  const dialog = document.getElementById('reject-dialog');
  const details = held.details || {};
  document.getElementById('reject-what').textContent = `Reject the ${held.direction.toLowerCase()} payment of `
    + `${money(details.amount)} from ${party(details.originator)} to ${party(details.beneficiary)}?`;
  document.getElementById('reject-consequence').textContent = rejectConsequence(held);
  document.getElementById('reject-reason').textContent = reason;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'reject'),
    { once: true }));
}

async function decide(card, held, decision, refresh, notice) {
  const reason = card.querySelector('textarea.reason').value.trim();
  const error = card.querySelector('.error');
  if (!reason) { error.textContent = 'A reason is required.'; return; }
  if (decision === 'reject' && !(await confirmReject(held, reason))) return;
  card.querySelectorAll('button').forEach(b => { b.disabled = true; });
  const answer = await api('sanctions', `held-payments/${encodeURIComponent(held.paymentId)}/${decision}`,
    { method: 'POST', body: { reason } });
  if (answer.status >= 200 && answer.status < 300) {
    keepDraft(held.paymentId, '');
    card.remove();
    notice(`Payment ${held.paymentId} ${decision === 'release' ? 'released' : 'rejected'}.`);
    refresh();
  } else {
    error.textContent = why(answer);
    card.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

function heldCard(held, screening, isNew, refresh, notice) {
  const details = held.details || {};
  const reasonId = `reason-${held.paymentId}`;
  const card = el('article', { class: 'card held-payment' + (isNew ? ' new' : ''), 'data-payment-id': held.paymentId,
    'aria-label': `Held payment ${held.paymentId}` },
  el('h3', {}, `${held.direction} ${money(details.amount)} `, el('code', {}, held.paymentId),
    isNew ? el('span', { class: 'badge tone-waiting new-mark' }, 'new') : null),
  el('div', { class: 'parties' },
    el('div', {}, el('strong', {}, 'Originator: '), party(details.originator)),
    el('div', {}, el('strong', {}, 'Beneficiary: '), party(details.beneficiary))),
  el('div', {}, `Scheme transaction ${details.schemeTransactionId || ''}, reference "${details.reference || ''}", `
      + `held ${when(held.heldAt)}`),
  matchesTable(held.matches, screening ? screening.threshold : undefined));
  const reason = el('textarea', { class: 'reason', id: reasonId, maxlength: 500,
    oninput: () => keepDraft(held.paymentId, reason.value) });
  const draft = drafts()[held.paymentId];
  if (draft) {
    reason.value = draft;
    card.append(el('p', { class: 'hint draft-note' }, 'Your reason, kept while you signed in again:'));
  }
  card.append(el('label', { for: reasonId }, 'Reason for the decision (required)'), reason,
    el('div', { class: 'error', role: 'status' }));
  card.append(
    el('button', { class: 'release', type: 'button', onclick: () => decide(card, held, 'release', refresh, notice) },
      'Release'), ' ',
    el('button', { class: 'reject', type: 'button', onclick: () => decide(card, held, 'reject', refresh, notice) },
      'Reject…'));
  return card;
}

/** The queue as the service has it now; the cards whose reason is being typed stay as they are. */
export async function refreshHeld(notice) {
  const refresh = () => refreshHeld(notice);
  const answer = await api('sanctions', 'held-payments');
  const list = document.getElementById('held-list');
  if (signInNeeded(answer)) return; // the cards stay as they are, with what is being typed in them
  if (answer.status !== 200) {
    list.replaceChildren(problem(why(answer)));
    return;
  }
  const now = Date.now();
  const held = answer.body;
  document.getElementById('held-count').textContent = held.length ? String(held.length) : '';
  const present = new Set(held.map(h => h.paymentId));
  for (const id of Object.keys(drafts())) if (!present.has(id)) keepDraft(id, ''); // decided meanwhile
  const existing = new Map([...list.querySelectorAll('.held-payment')].map(c => [c.dataset.paymentId, c]));
  for (const [id, card] of existing) if (!present.has(id)) card.remove();
  list.querySelector('.error')?.remove();
  if (held.length === 0) list.replaceChildren(el('p', { id: 'held-empty' }, 'No payment is held.'));
  else list.querySelector('#held-empty')?.remove();
  let previous = null;
  for (const h of held) {
    const firstSeen = state.seen.get(h.paymentId) ?? (state.refreshed === null ? 0 : now);
    state.seen.set(h.paymentId, firstSeen);
    let card = existing.get(h.paymentId);
    if (!card) {
      card = heldCard(h, await screeningOf(h.paymentId), now - firstSeen < NEW_FOR_MS && firstSeen > 0, refresh,
        notice);
      if (previous) previous.after(card); else list.prepend(card);
    } else {
      const isNew = firstSeen > 0 && now - firstSeen < NEW_FOR_MS;
      card.classList.toggle('new', isNew);
      if (!isNew) card.querySelector('.new-mark')?.remove();
    }
    previous = card;
  }
  state.refreshed = now;
}
