// Small helpers for building the page. Text from the services is only ever set as text, never as HTML.

export function el(tag, attributes, ...children) {
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

/** Minor units as pounds and pence, by integer arithmetic: money is never a float here either. Zero is £0.00. */
export function money(amount) {
  if (amount === undefined || amount === null) return '';
  const minor = typeof amount === 'number' ? amount : amount.minorUnits;
  const currency = typeof amount === 'number' ? 'GBP' : amount.currency;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const pounds = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${currency === 'GBP' ? '£' : currency + ' '}${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.34" or "12" (pounds, as typed) in pence; null when empty, NaN when it is not an amount. */
export function pence(pounds) {
  const typed = pounds.trim().replace(/^£/, '').replace(/,/g, '');
  if (!typed) return null;
  const parts = /^(\d+)(?:\.(\d{1,2}))?$/.exec(typed);
  return parts ? Number(parts[1]) * 100 + Number((parts[2] || '0').padEnd(2, '0')) : NaN;
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '';
}

export function party(p) {
  return p ? `${p.name} (${p.sortCode} ${p.accountNumber})` : '';
}

/** A status as a badge: its colour says how it stands, its text says the same for whoever cannot see colour. */
const TONES = {
  COMPLETED: 'good', SETTLED: 'good', SANCTIONS_CLEARED: 'moving', RELEASED: 'moving', ACCOUNT_CHECKED: 'moving',
  RECEIVED: 'moving', VALIDATED: 'moving', REQUESTED: 'moving', FUNDS_RESERVED: 'moving', SENT_TO_SCHEME: 'moving',
  HELD: 'waiting', SCHEDULED: 'waiting', RETURNED: 'ended', RETURNED_BY_SCHEME: 'ended', REFUSED_BY_SCHEME: 'bad', REJECTED: 'bad',
  ACCOUNT_CHECK_FAILED: 'bad', FAILED: 'bad',
};

export function words(status) {
  return String(status).toLowerCase().replace(/_/g, ' ');
}

export function statusBadge(status, attributes = {}) {
  return el('span', { ...attributes, class: `badge tone-${TONES[status] || 'moving'} ${attributes.class || ''}`.trim(),
    'data-status': status }, words(status));
}

/** An error or a note in place of what could not be shown. */
export function problem(text) {
  return el('p', { class: 'error', role: 'alert' }, text);
}

/** A table with a header row; {@code columns} are [label, className?]. */
export function table(attributes, columns, rows) {
  return el('table', attributes,
    el('thead', {}, el('tr', {}, columns.map(([label, cls]) => el('th', { scope: 'col', class: cls }, label)))),
    el('tbody', {}, rows));
}

/**
 * The buttons that page through a list: {@code cursors} holds the cursor of each page seen (null for the first), the
 * last one the page shown; {@code next} is the next page's cursor (null: none); {@code show} shows the page then.
 */
export function pager(cursors, next, show, [back, on]) {
  const page = cursors.length - 1;
  return el('div', { class: 'pager' },
    el('button', { type: 'button', class: 'page-back', disabled: page === 0,
      onclick: () => { cursors.pop(); show(); } }, `← ${back}`),
    el('span', {}, ` Page ${page + 1} `),
    el('button', { type: 'button', class: 'page-on', disabled: !next,
      onclick: () => { cursors.push(next); show(); } }, `${on} →`));
}

/** A labelled form field: the label names it for screen readers too. */
export function field(label, input) {
  return el('label', { class: 'field' }, el('span', {}, label), input);
}
