// Accounts: the list, found by holder name, sort code or account number a page at a time; one account with its
// balances, its balance as of a time and its statement.
import { api, nextPage, query, why } from './api.js';
import { el, field, money, pager, problem, table, when, words } from './ui.js';

const PAGE_SIZE = 25;
const state = { cursors: [null], q: '' };

async function showAccountsPage() {
  const list = document.getElementById('account-list');
  const page = state.cursors.length - 1;
  const answer = await api('accounts', 'accounts'
    + query({ q: state.q, limit: PAGE_SIZE, after: state.cursors[page] }));
  if (answer.status !== 200) {
    list.replaceChildren(problem(why(answer)));
    return;
  }
  const next = nextPage(answer, 'after');
  list.replaceChildren(answer.body.length === 0 ? el('p', { id: 'accounts-empty' }, 'No account matches.')
    : table({ id: 'accounts-table' }, [['Holder'], ['Sort code'], ['Account number'], ['Status'],
      ['Balance', 'money'], ['Available', 'money']], answer.body.map(a => el('tr', { class: 'account-row' },
      el('td', {}, el('a', { href: `#accounts/${a.sortCode}/${a.accountNumber}` }, a.holderName)),
      el('td', {}, a.sortCode), el('td', {}, a.accountNumber), el('td', {}, words(a.status)),
      el('td', { class: 'money' }, money(a.balancePence)),
      el('td', { class: 'money' }, money(a.availableBalancePence))))),
  pager(state.cursors, next, showAccountsPage, ['Previous', 'Next']));
}

/** The accounts list (the account view hidden). */
export function showAccounts() {
  document.getElementById('account-result').replaceChildren();
  document.getElementById('accounts-overview').hidden = false;
  showAccountsPage();
}

document.getElementById('account-search-form').addEventListener('submit', event => {
  event.preventDefault();
  state.q = document.getElementById('account-query').value.trim();
  state.cursors = [null];
  if (location.hash !== '#accounts') location.hash = '#accounts'; else showAccountsPage();
});

/** One account, by its sort code and account number. */
export async function showAccount(sortCode, accountNumber) {
  document.getElementById('accounts-overview').hidden = true;
  const result = document.getElementById('account-result');
  const back = el('p', {}, el('a', { href: '#accounts' }, '← All accounts'));
  if (!/^\d{6}$/.test(sortCode) || !/^\d{8}$/.test(accountNumber)) {
    result.replaceChildren(back, problem('A sort code is 6 digits and an account number 8.'));
    return;
  }
  const answer = await api('accounts', `accounts/by-number/${sortCode}/${accountNumber}`);
  if (answer.status !== 200) {
    result.replaceChildren(back, problem(answer.status === 404
      ? `No account has sort code ${sortCode} and account number ${accountNumber}.` : why(answer)));
    return;
  }
  const account = answer.body;
  const statement = el('div', { id: 'statement' });
  const asOfResult = el('span', { id: 'as-of-result', role: 'status' });
  const from = el('input', { type: 'datetime-local', id: 'statement-from' });
  const to = el('input', { type: 'datetime-local', id: 'statement-to' });
  const asOf = el('input', { type: 'datetime-local', id: 'as-of' });
  result.replaceChildren(back, el('div', { class: 'card', id: 'account-card', 'data-account-id': account.accountId },
    el('h3', {}, `${account.holderName} — ${account.sortCode} ${account.accountNumber} `,
      el('code', {}, account.accountId)),
    table({}, [['Status'], ['Balance', 'money'], ['Available', 'money']], el('tr', {},
      el('td', { id: 'account-status' }, words(account.status)),
      el('td', { class: 'money', id: 'account-balance' }, money(account.balancePence)),
      el('td', { class: 'money', id: 'account-available' }, money(account.availableBalancePence)))),
    el('form', { class: 'inline', onsubmit: async event => {
      event.preventDefault();
      if (!asOf.value) { asOfResult.textContent = 'Choose a time.'; return; }
      const at = await api('accounts', `accounts/${account.accountId}?asOf=${encodeURIComponent(asOf.value + ':00Z')}`);
      asOfResult.textContent = at.status === 200
        ? `${money(at.body.balancePence)} (${words(at.body.status)}, revision ${at.body.revision})` : why(at);
    } }, field('Balance as of (UTC)', asOf), ' ', el('button', { type: 'submit', id: 'as-of-show' }, 'Show'), ' ',
    asOfResult),
    el('h3', {}, 'Statement'),
    el('form', { class: 'inline', onsubmit: event => {
      event.preventDefault();
      showStatement(account.accountId, from.value, to.value, statement);
    } }, field('From (UTC)', from), ' ', field('to (UTC)', to), ' ',
    el('button', { type: 'submit', id: 'statement-show' }, 'Show')),
    statement));
  showStatement(account.accountId, '', '', statement);
}

async function showStatement(accountId, from, to, into) {
  const bounds = query({ from: from ? from + ':00Z' : '', to: to ? to + ':00Z' : '' });
  const answer = await api('accounts', `accounts/${accountId}/transactions${bounds}`);
  if (answer.status !== 200) {
    into.replaceChildren(problem(why(answer)));
    return;
  }
  into.replaceChildren(answer.body.length === 0 ? el('p', {}, 'No credit or debit.')
    : table({}, [['When'], ['Payment'], ['Amount', 'money'], ['Balance after', 'money']],
      answer.body.map(t => el('tr', { class: 'transaction' },
        el('td', {}, when(t.at)),
        el('td', {}, el('a', { href: `#payments/${encodeURIComponent(t.paymentId)}` }, t.paymentId)),
        el('td', { class: 'money' }, money(t.amountPence)),
        el('td', { class: 'money' }, money(t.balanceAfterPence))))));
}
