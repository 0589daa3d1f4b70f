/**
 * The account: the aggregate ({@link com.paystream.accounts.account.Account}, folded from the events of its
 * {@code account-{id}} stream, all of them {@link com.paystream.accounts.account.AccountEvent}s, whichever capability
 * decides them), the account's own rules (open, block, unblock, close), its store
 * ({@link com.paystream.accounts.account.Accounts}), who may reach which account
 * ({@link com.paystream.accounts.account.CallerAccess}) and the HTTP API of accounts, with If-Match on what a person
 * changes ({@link com.paystream.accounts.account.AccountCommands}). The other capabilities build on it; it reads
 * only the ledger.
 */
package com.paystream.accounts.account;
