package com.paystream.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    @Test
    void everyPublishedEventHasAStoredNameThatIsItsOwn() {
        assertThat(EventTypes.all()).hasSize(25);
        EventTypes.all().forEach((name, type) -> assertThat(EventTypes.nameOf(type)).isEqualTo(name));
    }

    @Test
    void aStoredNameLeadsBackToItsEventClass() {
        assertThat(EventTypes.classOf("InboundPaymentHeld")).contains(InboundPaymentHeld.class);
    }

    @Test
    void aNameThatIsNotOursLeadsNowhere() {
        assertThat(EventTypes.classOf("InboundPaymentTeleported")).isEmpty();
    }

    @Test
    void theEventTypeProjectionStreamIsNamedAfterTheStoredName() {
        assertThat(PaymentStreams.byEventType(InboundPaymentValidated.class))
                .isEqualTo("$et-InboundPaymentValidated");
    }

    @Test
    void aPaymentStreamBelongsToThePaymentCategory() {
        assertThat(PaymentStreams.payment("42")).isEqualTo("payment-42");
        assertThat(PaymentStreams.byCategory(PaymentStreams.PAYMENT_CATEGORY)).isEqualTo("$ce-payment");
    }
}
