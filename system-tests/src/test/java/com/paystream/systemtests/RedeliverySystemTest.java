package com.paystream.systemtests;

import com.paystream.events.PaymentStreams;
import com.paystream.topology.AccountsReactions;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** At-least-once delivery everywhere, exactly one credit per payment. */
@ExtendWith(Suite.class)
class RedeliverySystemTest {
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    private long creditsOn(String paymentId) {
        return bank.timeline(paymentId).stream().filter("InboundPaymentBalanceUpdated"::equals).count();
    }

    @Test
    void theSameSubmissionDeliveredTwiceIsOnePaymentCreditedOnce() {
        Bank.Account account = bank.openAccount("SENT TWICE");
        Bank.Sent first = bank.pay(account, 2_500);
        bank.awaitStatus(first.paymentId(), "COMPLETED");

        var again = Suite.asScheme().post(suite.simulator("/simulator/inbound-payments/" + first.schemeTransactionId()
                + "/resend")).then().statusCode(201).extract().jsonPath();
        Bank.Sent marker = bank.pay(account, 1);
        bank.awaitStatus(marker.paymentId(), "COMPLETED");

        assertThat(again.getInt("httpStatus")).isEqualTo(200);
        assertThat(again.getString("paymentId")).isEqualTo(first.paymentId());
        assertThat(bank.balance(account)).isEqualTo(2_501);
    }

    @Test
    void aDuplicatedClearedEventOnThePaymentStreamCreditsNothingMore() throws Exception {
        Bank.Account account = bank.openAccount("DUPLICATED EVENT");
        Bank.Sent sent = bank.pay(account, 4_000);
        bank.awaitStatus(sent.paymentId(), "COMPLETED");
        RecordedEvent cleared = eventOfType(sent.paymentId(), "InboundPaymentSanctionsCleared");

        // the same event again under a new id: what a producer's retry after a lost answer can leave
        EventData copy = EventDataBuilder.json(UUID.randomUUID(), cleared.getEventType(), cleared.getEventData())
                .metadataAsBytes(cleared.getUserMetadata()).build();
        suite.client().appendToStream(PaymentStreams.payment(sent.paymentId()), AppendToStreamOptions.get(), copy)
                .get(10, TimeUnit.SECONDS);
        Bank.Sent marker = bank.pay(account, 1);
        bank.awaitStatus(marker.paymentId(), "COMPLETED");

        assertThat(bank.balance(account)).isEqualTo(4_001);
        assertThat(creditsOn(sent.paymentId())).isEqualTo(1);
    }

    @Test
    void everyClearedEventRedeliveredToAccountsServiceFromTheStartCreditsNothingTwice() throws Exception {
        Bank.Account account = bank.openAccount("REPLAYED GROUP");
        List<Bank.Sent> payments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            payments.add(bank.pay(account, 1_000));
        }
        payments.forEach(p -> bank.awaitStatus(p.paymentId(), "COMPLETED"));

        // dropping the group drops accounts-service's subscription; it re-creates the group from the start of
        // $et-InboundPaymentSanctionsCleared, so every cleared payment so far is delivered to it again
        suite.persistent().deleteToStream(AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED.stream(),
                AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED.name()).get(10, TimeUnit.SECONDS);
        Bank.Sent marker = bank.pay(account, 1);
        bank.awaitStatus(marker.paymentId(), "COMPLETED");

        assertThat(bank.balance(account)).isEqualTo(3_001);
        assertThat(payments).allSatisfy(p -> assertThat(creditsOn(p.paymentId())).isEqualTo(1));
    }

    private RecordedEvent eventOfType(String paymentId, String type) throws Exception {
        for (ResolvedEvent event : suite.client().readStream(PaymentStreams.payment(paymentId),
                ReadStreamOptions.get().forwards().fromStart()).get(10, TimeUnit.SECONDS).getEvents()) {
            if (event.getEvent().getEventType().equals(type)) {
                return event.getEvent();
            }
        }
        throw new AssertionError("No " + type + " on payment " + paymentId);
    }
}
