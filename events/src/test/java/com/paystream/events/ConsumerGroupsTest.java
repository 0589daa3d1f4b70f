package com.paystream.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerGroupsTest {
    @Test
    void everyConsumerGroupHasItsOwnName() {
        assertThat(ConsumerGroups.all()).extracting(ConsumerGroup::name).doesNotHaveDuplicates();
    }

    @Test
    void aGroupConsumesTheSystemProjectionStreamOfItsEventType() {
        assertThat(ConsumerGroups.SCREEN_ON_VALIDATED.stream()).isEqualTo("$et-InboundPaymentValidated");
    }
}
