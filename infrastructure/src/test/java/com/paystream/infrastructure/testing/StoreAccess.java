package com.paystream.infrastructure.testing;

import com.paystream.events.ServiceAccount;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.subscription.Reaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service reads must be what its EventStoreDB user is granted ({@link ServiceAccount}, from which the data
 * seeder writes the read ACLs): a read model following, or a reaction consuming, a stream left out would be refused
 * by a store that enforces ACLs. Each service's test calls this with its read models and reactions.
 */
public final class StoreAccess {
    private StoreAccess() {
    }

    public static void assertGranted(ServiceAccount account, Iterable<ReadModel<?>> readModels,
                                     Iterable<Reaction<?>> reactions) {
        for (ReadModel<?> model : readModels) {
            assertThat(account.readableSystemStreams()).as("read model " + model.name() + " follows")
                    .contains(model.source().stream());
        }
        for (Reaction<?> reaction : reactions) {
            assertThat(account.consumerGroups()).as("reaction of group " + reaction.group())
                    .contains(reaction.consumerGroup());
        }
    }
}
