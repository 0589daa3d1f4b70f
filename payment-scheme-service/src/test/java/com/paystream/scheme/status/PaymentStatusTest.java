package com.paystream.scheme.status;

import com.paystream.events.EventTypes;
import com.paystream.events.OutboundPaymentDebited;
import com.paystream.events.OutboundPaymentRefunded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStatusTest {
    @Test
    void everyPublishedEventGivesAPaymentAStatus() {
        assertThat(PaymentStatus.BY_EVENT.keySet()).containsAll(EventTypes.all().values());
    }

    @Test
    void anOutboundPaymentDebitedAfterSettlementIsCompletedAndOneRefundedIsReturned() {
        assertThat(PaymentStatus.BY_EVENT.get(OutboundPaymentDebited.class)).isEqualTo("COMPLETED");
        assertThat(PaymentStatus.BY_EVENT.get(OutboundPaymentRefunded.class)).isEqualTo("RETURNED");
    }
}
