package com.paystream.accounts.account;

/** What happens to an account: the private events of the {@code account-{accountId}} stream. */
public sealed interface AccountEvent
        permits AccountOpened, AccountBlocked, AccountUnblocked, AccountClosed, AccountCredited,
        OutboundFundsReserved, OutboundReservationReleased, AccountDebited, OutboundLimitsSet {
    String accountId();
}
