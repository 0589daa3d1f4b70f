package com.paystream.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    @Test
    void anEventReadBackEqualsTheEventWritten() {
        for (PaymentEvent event : Samples.all()) {
            byte[] json = EventJson.serialize(event);
            assertThat(EventJson.deserialize(EventTypes.nameOf(event.getClass()), json)).isEqualTo(event);
        }
    }

    @Test
    void anUnknownEventTypeIsUnreadable() {
        assertThatThrownBy(() -> EventJson.deserialize("SomethingElse", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.UnreadableEventException.class)
                .hasMessageContaining("Unknown event type 'SomethingElse'");
    }

    @Test
    void anEventMissingARequiredFieldIsUnreadable() {
        byte[] json = "{\"paymentId\":\"p-1\",\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventJson.deserialize("InboundPaymentFailed", json))
                .isInstanceOf(EventJson.UnreadableEventException.class)
                .hasMessageContaining("failedAt");
    }

    @Test
    void malformedJsonIsUnreadable() {
        byte[] json = "{\"paymentId\":".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventJson.deserialize("InboundPaymentFailed", json))
                .isInstanceOf(EventJson.UnreadableEventException.class);
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        byte[] json = ("{\"paymentId\":\"p-1\",\"reason\":\"x\",\"failedAt\":\"2026-11-23T10:15:30Z\","
                + "\"addedLater\":true}").getBytes(StandardCharsets.UTF_8);
        assertThat(EventJson.deserialize("InboundPaymentFailed", json)).isInstanceOf(InboundPaymentFailed.class);
    }

    @Test
    void moneyIsWrittenInMinorUnitsWithItsCurrency() {
        String json = new String(EventJson.serialize(Samples.all().get(0)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"amount\":{\"minorUnits\":125050,\"currency\":\"GBP\"}");
    }
}
