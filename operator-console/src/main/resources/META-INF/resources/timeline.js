// One payment's audit trail: every event of its timeline, each summed up in a line, and its screening.
import { api, why } from './api.js';
import { el, money, party, problem, statusBadge, table, when, words } from './ui.js';
import { matchesTable } from './held.js';

function by(e) {
  return e.operatorName || e.operatorId || 'an operator';
}

function details(d) {
  return d ? `${money(d.amount)} from ${party(d.originator)} to ${party(d.beneficiary)}`
    + (d.reference ? `, reference "${d.reference}"` : '') : '';
}

function matches(e) {
  const found = e.matches || [];
  const best = found.reduce((a, m) => (!a || m.score > a.score ? m : a), null);
  return `${found.length} match${found.length === 1 ? '' : 'es'} on the sanctions list`
    + (best ? `, closest "${best.listedName}" (${best.score.toFixed(3)})` : '');
}

/** What each event says, in a line: the amounts and balances it carries, who decided and why. */
const SUMMARIES = {
  InboundPaymentReceived: e => `Received: ${details(e.details)}`,
  InboundPaymentScheduled: e => `Scheduled for entry on ${e.entryDay}: processed on `
    + `${e.details && e.details.processingDate}, credited on its entry day`,
  InboundPaymentValidated: () => 'Passed the scheme\'s checks (account details, modulus check, amount, date)',
  InboundPaymentSanctionsCleared: () => 'No party matched the sanctions list',
  InboundPaymentHeld: e => `Held for an operator: ${matches(e)}`,
  InboundHeldPaymentReleased: e => `Released by ${by(e)}: "${e.reason}"`,
  InboundHeldPaymentRejected: e => `Rejected by ${by(e)}: "${e.reason}"`,
  InboundPaymentAccountChecked: () => 'The beneficiary\'s account can take the credit',
  InboundPaymentAccountCheckFailed: e => `The beneficiary's account cannot take the credit: ${words(e.failure)}`,
  InboundPaymentBalanceUpdated: e => `Credited ${money(e.credited)}; balance after ${money(e.balanceAfter)}`,
  InboundPaymentFailed: e => `Failed: ${e.reason}`,
  InboundPaymentReturned: e => `Returned to the scheme: ${words(e.reason)}${e.detail ? ` (${e.detail})` : ''}`,
  OutboundPaymentRequested: e => `Requested by the customer: ${details(e.details)}`,
  OutboundPaymentFundsReserved: e => `${money(e.details && e.details.amount)} set aside; available after `
    + money(e.availableAfter),
  OutboundPaymentSanctionsCleared: () => 'The beneficiary did not match the sanctions list',
  OutboundPaymentHeld: e => `Held for an operator: ${matches(e)}`,
  OutboundHeldPaymentReleased: e => `Released by ${by(e)}: "${e.reason}"`,
  OutboundHeldPaymentRejected: e => `Rejected by ${by(e)}: "${e.reason}"`,
  OutboundPaymentSentToScheme: e => `Sent to the scheme as ${e.schemeTransactionId}`,
  OutboundPaymentRefusedByScheme: e => `Refused by the scheme: ${e.detail}`,
  OutboundPaymentSettled: () => 'Settled by the scheme',
  OutboundPaymentDebited: e => `Debited ${money(e.details && e.details.amount)}; balance after `
    + money(e.balanceAfter),
  OutboundPaymentReturnedByScheme: e => `Returned by the scheme: ${words(e.reason)}${e.detail ? ` (${e.detail})` : ''}`,
  OutboundPaymentRefunded: e => `${money(e.details && e.details.amount)} back on the account; balance after `
    + money(e.balanceAfter),
  OutboundPaymentFailed: e => `Failed: ${e.reason}`,
};

export function summary(entry) {
  const line = SUMMARIES[entry.type];
  return line ? line(entry.event || {}) : `${entry.type} (no summary for this kind of event)`;
}

function screeningPart(trail) {
  const screening = trail.screening;
  if (!screening) return el('p', { class: 'hint' }, trail.screeningNote || '');
  const decision = screening.decision;
  return el('div', { id: 'screening' },
    el('h3', {}, screening.held ? 'Held by screening' : 'Cleared by screening',
      ` (threshold ${screening.threshold}, list revision ${screening.listRevision})`),
    screening.matches && screening.matches.length ? matchesTable(screening.matches, screening.threshold) : null,
    decision ? el('p', { id: 'decision' }, `${decision.outcome} by ${decision.operatorName || decision.operatorId} `
      + `at ${when(decision.at || decision.decidedAt)}: "${decision.reason || ''}"`) : null);
}

/** The timeline of the payment with this id, or of the one with this scheme transaction id. */
export async function showTimeline(query, into) {
  into.replaceChildren(el('p', {}, 'Looking…'));
  let paymentId = query;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(query)) {
    const found = await api('scheme', `payments?schemeTransactionId=${encodeURIComponent(query)}`);
    if (found.status !== 200 || found.body.length === 0) {
      into.replaceChildren(problem(found.status === 200
        ? `No payment has the scheme transaction id ${query}.` : why(found)));
      return;
    }
    paymentId = found.body[0].paymentId;
  }
  const answer = await api('scheme', `payments/${encodeURIComponent(paymentId)}/timeline`);
  if (answer.status !== 200) {
    into.replaceChildren(problem(why(answer)));
    return;
  }
  const trail = answer.body;
  into.replaceChildren(el('div', { class: 'card', id: 'payment-card', 'data-payment-id': trail.paymentId },
    el('h3', {}, 'Payment ', el('code', {}, trail.paymentId), ' — ',
      statusBadge(trail.status, { id: 'payment-status' })),
    table({ id: 'timeline' }, [['#'], ['Event'], ['Recorded'], ['What'], ['Correlation'], ['Caused by']],
      trail.timeline.map(t => el('tr', { class: 'timeline-entry' },
        el('td', {}, t.revision), el('td', { class: 'event-type' }, t.type), el('td', {}, when(t.recordedAt)),
        el('td', { class: 'what' }, summary(t)), el('td', {}, el('code', {}, t.correlationId || '')),
        el('td', {}, el('code', {}, t.causationId || ''))))),
    screeningPart(trail)));
}
