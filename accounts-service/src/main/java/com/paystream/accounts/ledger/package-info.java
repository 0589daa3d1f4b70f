/**
 * What the accounts were and are, for reading: the ledger read model (balances, transactions, owners), accounts as
 * they were at an instant or a revision ({@link com.paystream.accounts.ledger.HistoricalAccounts}) and the snapshots
 * those queries start from ({@code accountsnapshot-{id}}).
 */
package com.paystream.accounts.ledger;
