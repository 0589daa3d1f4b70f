package com.paystream.accounts.account;

import com.paystream.events.EventRegistry;
import com.paystream.events.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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

    @Test
    void anAccountOpenedReadsBackWithTheCustomerWhoOwnsIt() {
        AccountOpened opened = new AccountOpened("acc-1", "608371", "10000009", "JANE DOE", "C-1001",
                Instant.parse("2026-11-23T10:00:00Z"));

        byte[] json = REGISTRY.serialize(opened);

        assertThat(new String(json)).contains("\"customerId\":\"C-1001\"");
        assertThat(REGISTRY.deserialize("AccountOpened", json)).isEqualTo(opened);
    }

    @Test
    void anAccountOpenedBeforeOwnersWereRecordedReadsBackWithNoOwner() {
        byte[] recordedBefore = ("{\"accountId\":\"acc-1\",\"sortCode\":\"608371\",\"accountNumber\":\"10000009\","
                + "\"holderName\":\"JANE DOE\",\"openedAt\":\"2026-11-23T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(REGISTRY.deserialize("AccountOpened", recordedBefore)).isEqualTo(new AccountOpened("acc-1",
                "608371", "10000009", "JANE DOE", null, Instant.parse("2026-11-23T10:00:00Z")));
    }
}
