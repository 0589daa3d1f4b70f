// The sanctioned-names list: every entry; a sanctions officer adds one (name, aliases, country, list reference) or
// takes one off with a reason. Others read it; the service refuses them a change anyway.
import { api, query, why } from './api.js';
import { el, problem, table, when } from './ui.js';

const OFFICER = 'sanctions-officer';
let mayChange = false;

function removeButton(entry) {
  return el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${entry.name} from the list`,
    onclick: () => askToRemove(entry) }, 'Remove…');
}

/** Shows the list; its entries (null when it could not be read). */
async function showList() {
  const list = document.getElementById('sanctions-list');
  const answer = await api('sanctions', 'sanctioned-names');
  if (answer.status !== 200) {
    list.replaceChildren(problem(why(answer)));
    return null;
  }
  const entries = [...answer.body].sort((a, b) => a.name.localeCompare(b.name));
  list.replaceChildren(el('p', {}, `${entries.length} names on the list.`),
    table({ id: 'sanctions-table' }, [['Name'], ['Aliases'], ['Country'], ['List reference'], ['Added'],
      ['Added by'], mayChange ? ['Remove'] : null].filter(Boolean),
    entries.map(entry => el('tr', { class: 'sanctioned-name', 'data-entry-id': entry.entryId },
      el('td', { class: 'name' }, entry.name), el('td', {}, (entry.aliases || []).join(', ')),
      el('td', {}, entry.country || ''), el('td', {}, entry.listReference), el('td', {}, when(entry.addedAt)),
      el('td', {}, entry.addedByName || entry.addedBy || ''),
      mayChange ? el('td', {}, removeButton(entry)) : null))));
  return entries;
}

/**
 * Shows the list once it shows a change just made: the list is read from the service's view of the list stream,
 * which follows a write within moments.
 */
async function showListOnce(changed) {
  for (let tries = 0; tries < 20; tries++) {
    const entries = await showList();
    if (!entries || changed(entries)) return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

function askToRemove(entry) {
  const dialog = document.getElementById('remove-dialog');
  document.getElementById('remove-what').textContent = `Take ${entry.name} (${entry.listReference}) off the `
    + 'sanctions list? Payments will no longer be held for this name.';
  const reason = document.getElementById('remove-reason');
  reason.value = '';
  document.getElementById('remove-error').textContent = '';
  dialog.dataset.entryId = entry.entryId;
  dialog.dataset.name = entry.name;
  dialog.showModal();
}

document.getElementById('remove-form').addEventListener('submit', async event => {
  const dialog = document.getElementById('remove-dialog');
  if (event.submitter && event.submitter.value === 'cancel') return; // the dialog closes itself
  event.preventDefault();
  const reason = document.getElementById('remove-reason').value.trim();
  const error = document.getElementById('remove-error');
  if (!reason) { error.textContent = 'A reason is required.'; return; }
  const answer = await api('sanctions', `sanctioned-names/${encodeURIComponent(dialog.dataset.entryId)}`
    + query({ reason }), { method: 'DELETE' });
  if (answer.status === 204) {
    dialog.close();
    document.getElementById('sanctions-result').textContent = `${dialog.dataset.name} is off the list.`;
    const removed = dialog.dataset.entryId;
    showListOnce(entries => !entries.some(e => e.entryId === removed));
  } else {
    error.textContent = why(answer);
  }
});

document.getElementById('sanction-add-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const value = name => form.elements[name].value.trim();
  const aliases = value('aliases').split(/[;\n]/).map(a => a.trim()).filter(Boolean);
  const answer = await api('sanctions', 'sanctioned-names', { method: 'POST', body: {
    name: value('name'), aliases, country: value('country').toUpperCase() || null,
    listReference: value('listReference') } });
  const result = document.getElementById('sanctions-result');
  if (answer.status === 201) {
    result.textContent = `${answer.body.name} is on the list.`;
    form.reset();
    showListOnce(entries => entries.some(e => e.entryId === answer.body.entryId));
  } else {
    result.textContent = why(answer);
  }
});

/** The list, and the form to add a name for someone who may (a sanctions officer). */
export function showSanctions(me) {
  mayChange = (me.roles || []).includes(OFFICER);
  document.getElementById('sanction-add').hidden = !mayChange;
  document.getElementById('sanctions-readonly').hidden = mayChange;
  showList();
}
