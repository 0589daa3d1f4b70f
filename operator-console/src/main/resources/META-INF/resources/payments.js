// The payments overview: newest first, a page at a time, filtered by status, direction, dates, amount and account,
// with how many stand at each status; each payment links to its timeline.
import { api, nextPage, query, why } from './api.js';
import { el, money, pager, party, pence, problem, statusBadge, table, when, words } from './ui.js';

const PAGE_SIZE = 25;
/** The cursors of the pages seen so far (the first page has none), so "Newer" goes back one. */
const state = { cursors: [null], filters: {} };

/** The filters as typed, as the service's query parameters; an error naming the first that is not right. */
function readFilters() {
  const value = id => document.getElementById(id).value.trim();
  const filters = { status: value('filter-status'), direction: value('filter-direction') };
  if (value('filter-from')) filters.from = `${value('filter-from')}T00:00:00Z`;
  if (value('filter-to')) { // the whole of the last day
    const to = new Date(`${value('filter-to')}T00:00:00Z`);
    to.setUTCDate(to.getUTCDate() + 1);
    filters.to = to.toISOString();
  }
  for (const [id, name] of [['filter-min', 'minAmount'], ['filter-max', 'maxAmount']]) {
    const amount = pence(value(id));
    if (Number.isNaN(amount)) return { error: `${name === 'minAmount' ? 'The smallest' : 'The largest'} amount is `
      + 'in pounds and pence, e.g. 12.50.' };
    if (amount !== null) filters[name] = amount;
  }
  const sortCode = value('filter-sort-code').replace(/[\s-]/g, '');
  if (sortCode) filters.sortCode = sortCode;
  if (value('filter-account-number')) filters.accountNumber = value('filter-account-number');
  return { filters };
}

function countsBar(counts, selected) {
  const choose = status => () => {
    document.getElementById('filter-status').value = status;
    applyFilters();
  };
  return el('div', { class: 'counts', role: 'group', 'aria-label': 'Payments by status' },
    el('button', { type: 'button', class: 'count-all', 'aria-pressed': String(!selected), onclick: choose('') },
      `All ${counts.total}`),
    Object.entries(counts.byStatus).map(([status, count]) => el('button', { type: 'button',
      class: 'status-count', 'data-status': status, 'aria-pressed': String(selected === status),
      onclick: choose(status) }, statusBadge(status), ` ${count}`)));
}

function paymentRow(p) {
  return el('tr', { class: 'payment', 'data-payment-id': p.paymentId },
    el('td', {}, when(p.startedAt)), el('td', { class: 'direction' }, words(p.direction)),
    el('td', {}, statusBadge(p.status)), el('td', { class: 'money amount' }, money(p.amount)),
    el('td', {}, party(p.originator)), el('td', {}, party(p.beneficiary)),
    el('td', {}, el('a', { href: `#payments/${encodeURIComponent(p.paymentId)}`,
      'aria-label': `Timeline of payment ${p.schemeTransactionId || p.paymentId}` },
    p.schemeTransactionId || 'timeline')));
}

async function showPage() {
  const list = document.getElementById('payment-list');
  const counts = document.getElementById('payment-counts');
  const page = state.cursors.length - 1;
  const filters = state.filters;
  const found = await api('scheme', 'payments' + query({ ...filters, limit: PAGE_SIZE, before: state.cursors[page] }));
  const counted = await api('scheme', 'payments/counts' + query(filters));
  if (counted.status === 200) counts.replaceChildren(countsBar(counted.body, filters.status));
  else counts.replaceChildren();
  if (found.status !== 200) {
    list.replaceChildren(problem(why(found)));
    return;
  }
  const next = nextPage(found, 'before');
  list.replaceChildren(found.body.length === 0 ? el('p', { id: 'payments-empty' }, 'No payment matches.')
    : table({ id: 'payments-table' }, [['Started'], ['Direction'], ['Status'], ['Amount', 'money'], ['From'],
      ['To'], ['Scheme transaction']], found.body.map(paymentRow)),
  pager(state.cursors, next, showPage, ['Newer', 'Older']));
}

function applyFilters() {
  const read = readFilters();
  const error = document.getElementById('payment-filters-error');
  error.textContent = read.error || '';
  if (read.error) return;
  state.filters = read.filters;
  state.cursors = [null];
  showPage();
}

export function showPayments() {
  showPage();
}

/** The page shown again as it is now, when it is the first (later pages stay put while the operator reads them). */
export function refreshPayments() {
  if (state.cursors.length === 1) showPage();
}

document.getElementById('payment-filters').addEventListener('submit', event => {
  event.preventDefault();
  applyFilters();
});

document.getElementById('payment-filters').addEventListener('reset', () => setTimeout(applyFilters));
