package com.paystream.topology;

import java.util.Arrays;
import java.util.List;

/**
 * Every persistent-subscription consumer group of the product, one per reaction, as the services declare them
 * ({@link PaymentSchemeReactions}, {@link SanctionsReactions}, {@link AccountsReactions},
 * {@link SchemeSimulatorReactions}). Instances of the same service join the same group and compete for its events.
 * The data seeder creates exactly these groups.
 */
public final class ConsumerGroups {
    private static final List<ConsumerGroup<?>> ALL = Arrays.stream(ServiceAccount.values())
            .flatMap(account -> account.consumerGroups().stream()).toList();

    private ConsumerGroups() {
    }

    public static List<ConsumerGroup<?>> all() {
        return ALL;
    }
}
