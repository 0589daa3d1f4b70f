package com.paystream.topology;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerGroupsTest {
    @Test
    void everyConsumerGroupHasItsOwnName() {
        assertThat(ConsumerGroups.all()).extracting(ConsumerGroup::name).doesNotHaveDuplicates();
    }

    @Test
    void aGroupConsumesTheSystemProjectionStreamOfItsEventType() {
        assertThat(SanctionsReactions.SCREEN_ON_VALIDATED.stream()).isEqualTo("$et-InboundPaymentValidated");
    }

    @Test
    void aGroupParksMessagesWhereEventStoreDbDoes() {
        assertThat(SanctionsReactions.SCREEN_ON_VALIDATED.parkedStream())
                .isEqualTo("$persistentsubscription-$et-InboundPaymentValidated::sanctions.screen-on-validated-parked");
    }

    @Test
    void everyConsumerGroupIsNamedAfterTheServiceThatDeclaresIt() {
        for (ServiceAccount account : ServiceAccount.values()) {
            assertThat(account.consumerGroups()).extracting(ConsumerGroup::name)
                    .allSatisfy(name -> assertThat(name).startsWith(account.groupPrefix()));
        }
    }

    @Test
    void everyConsumerGroupBelongsToExactlyOneServiceAccount() {
        assertThat(ConsumerGroups.all()).allSatisfy(group -> assertThat(ServiceAccount.owning(group)).isPresent());
        assertThat(java.util.Arrays.stream(ServiceAccount.values()).mapToInt(a -> a.consumerGroups().size()).sum())
                .isEqualTo(ConsumerGroups.all().size());
    }

    @Test
    void aServiceAccountReadsTheStreamsOfItsGroupsAndReadModelsOnly() {
        assertThat(ServiceAccount.ACCOUNTS.readableSystemStreams())
                .contains("$ce-account", "$et-InboundPaymentSanctionsCleared",
                        AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED.parkedStream())
                .doesNotContain("$ce-payment", "$ce-screening", "$et-InboundPaymentValidated");
    }

    @Test
    void aGroupDeclaredWithoutAStrategyGoesRoundRobin() {
        assertThat(AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED.strategy()).isEqualTo(ConsumerStrategy.ROUND_ROBIN);
    }
}
