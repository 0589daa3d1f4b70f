package com.paystream.accounts.account;

import com.paystream.events.EventRegistry;
import com.paystream.events.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccountEventsTest {
    private static final EventRegistry<AccountEvent> REGISTRY = EventRegistry.of(AccountEvent.class);

    @Test
    void everyAccountEventIsStoredUnderItsOwnName() {
        assertThat(REGISTRY.all()).containsOnlyKeys("AccountOpened", "AccountBlocked", "AccountUnblocked",
                "AccountClosed", "AccountCredited", "OutboundFundsReserved", "OutboundReservationReleased",
                "AccountDebited", "OutboundLimitsSet");
    }

    @Test
    void aCreditReadsBackAsWrittenWithItsAmountInPence() {
        AccountCredited credited = new AccountCredited("acc-1", "p-1", Money.pence(125_050), Money.pence(125_050),
                Instant.parse("2026-11-23T10:00:00Z"));

        byte[] json = REGISTRY.serialize(credited);

        assertThat(new String(json)).contains("\"amount\":{\"minorUnits\":125050,\"currency\":\"GBP\"}");
        assertThat(REGISTRY.deserialize("AccountCredited", json)).isEqualTo(credited);
    }
}
