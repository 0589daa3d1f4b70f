// Each service's consumer groups, in words and colour (caught up, behind by N, parked N), their parked messages and
// replay; an alert at the top while anything is parked.
import { api, why } from './api.js';
import { el, problem, table, when } from './ui.js';

const SERVICES = [['scheme', 'payment-scheme-service'], ['sanctions', 'sanctions-service'],
  ['accounts', 'accounts-service'], ['simulator', 'scheme-simulator']];

/** How a group stands, as its service says (state), in words and a tone: caught up, behind by N, parked N, missing. */
function groupState(group) {
  if (group.state === 'missing') return { tone: 'bad', text: 'missing' };
  if (group.state === 'parked') return { tone: 'bad', text: `parked ${group.parked}` };
  if (group.state === 'behind') return { tone: 'waiting', text: `behind by ${group.lag}` };
  return { tone: 'good', text: 'caught up' };
}

async function showParked(service, group, into) {
  const answer = await api(service, `ops/subscriptions/${encodeURIComponent(group)}/parked`);
  if (answer.status !== 200) { into.replaceChildren(problem(why(answer))); return; }
  into.replaceChildren(el('h4', {}, `Parked in ${group}`), answer.body.length === 0 ? el('p', {}, 'Nothing parked.')
    : table({ class: 'parked' }, [['Parked'], ['Payment'], ['Event'], ['Retries'], ['Reason']],
      answer.body.map(p => el('tr', {}, el('td', {}, when(p.parkedAt)),
        el('td', {}, p.paymentId ? el('a', { href: `#payments/${encodeURIComponent(p.paymentId)}` }, p.paymentId) : ''),
        el('td', {}, `${p.eventType || ''} ${p.eventRevision ?? ''}@${p.eventStream || ''}`),
        el('td', {}, p.retryCount ?? ''), el('td', {}, p.reason || '')))));
}

function groupRow(service, g, detail) {
  const stateOf = groupState(g);
  return el('tr', { class: 'group', 'data-group': g.group },
    el('td', {}, g.group),
    el('td', {}, el('span', { class: `badge tone-${stateOf.tone} group-state` }, stateOf.text)),
    el('td', {}, g.exists ? g.status : ''), el('td', { class: 'money' }, g.consumers),
    el('td', { class: 'money' }, g.lag ?? ''), el('td', { class: 'money' }, g.inFlight),
    el('td', { class: 'money parked-count' }, g.parked),
    el('td', {},
      el('button', { type: 'button', class: 'show-parked', 'aria-label': `Parked messages of ${g.group}`,
        onclick: () => showParked(service, g.group, detail) }, 'Parked…'), ' ',
      el('button', { type: 'button', class: 'replay', disabled: !(g.parked > 0),
        'aria-label': `Replay the parked messages of ${g.group}`, onclick: async () => {
          const replay = await api(service, `ops/subscriptions/${encodeURIComponent(g.group)}/parked/replay`,
            { method: 'POST' });
          document.getElementById('subscriptions-result').textContent = replay.status === 202
            ? `Replaying the parked messages of ${g.group}.` : why(replay);
          setTimeout(refreshSubscriptions, 1500);
        } }, 'Replay')));
}

export async function refreshSubscriptions() {
  const list = document.getElementById('subscriptions-list');
  const sections = [];
  const parked = [];
  for (const [service, name] of SERVICES) {
    const answer = await api(service, 'ops/subscriptions');
    const detail = el('div', { class: 'parked-detail' });
    if (answer.status === 200) {
      answer.body.filter(g => g.parked > 0).forEach(g => parked.push(`${g.group} (${g.parked})`));
    }
    sections.push(el('h3', {}, name), answer.status !== 200 ? problem(why(answer))
      : table({ class: 'groups', 'data-service': service }, [['Group'], ['State'], ['Status'],
        ['Consumers', 'money'], ['Lag', 'money'], ['In flight', 'money'], ['Parked', 'money'], ['Actions']],
      answer.body.map(g => groupRow(service, g, detail))), detail);
  }
  const alert = document.getElementById('parked-alert');
  alert.hidden = parked.length === 0;
  alert.textContent = parked.length === 0 ? '' : `Messages are parked: ${parked.join(', ')}. A parked message is `
    + 'not processed until it is replayed: look at why it was parked, fix the cause, then replay.';
  list.replaceChildren(...sections);
}

document.getElementById('subscriptions-refresh').addEventListener('click', refreshSubscriptions);
