package com.paystream.infrastructure.testing;

import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.topology.ServiceAccount;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.TypeLiteral;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service reads must be what its EventStoreDB user is granted ({@link ServiceAccount}, from which the data
 * seeder writes the read ACLs): a read model following, or a reaction consuming, a stream left out would be refused
 * by a store that enforces ACLs. Each service's {@code @QuarkusTest} calls this with its account.
 */
public final class StoreAccess {
    private StoreAccess() {
    }

    /** Every read model and reaction of the running application reads only what {@code account} is granted. */
    public static void assertGranted(ServiceAccount account) {
        for (ReadModel<?> model : CDI.current().select(new TypeLiteral<ReadModel<?>>() { }, Any.Literal.INSTANCE)) {
            if (!model.source().stream().startsWith("$")) {
                continue; // one of the service's own streams, private to it since it created it
            }
            assertThat(account.readableSystemStreams()).as("read model " + model.name() + " follows")
                    .contains(model.source().stream());
        }
        for (Reaction<?> reaction : CDI.current().select(new TypeLiteral<Reaction<?>>() { }, Any.Literal.INSTANCE)) {
            assertThat(account.consumerGroups()).as("reaction of group " + reaction.group())
                    .contains(reaction.consumerGroup());
        }
    }
}
