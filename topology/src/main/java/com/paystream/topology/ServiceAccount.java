package com.paystream.topology;

import com.paystream.events.PaymentStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The EventStoreDB user each service connects as, and the system streams it may read. The data seeder creates these
 * users and grants each one read access to exactly its streams: the {@code $ce-} streams its read models follow, and
 * the {@code $et-} streams and parked streams of its consumer groups. Anything a service writes outside the shared
 * {@code payment-} streams is private to it: the infrastructure gives such a stream an access control list naming only
 * its creator when it creates it.
 *
 * <p>Each service declares its reactions' consumer groups in its own list ({@link AccountsReactions}, ...); a group's
 * name starts with its service's prefix ({@code accounts.credit-on-...}).
 */
public enum ServiceAccount {
    PAYMENT_SCHEME("payment-scheme-service", "payment-scheme", List.of(PaymentStreams.PAYMENT_CATEGORY),
            PaymentSchemeReactions.ALL),
    SANCTIONS("sanctions-service", "sanctions", List.of("screening"), SanctionsReactions.ALL),
    ACCOUNTS("accounts-service", "accounts", List.of("account"), AccountsReactions.ALL),
    SCHEME_SIMULATOR("scheme-simulator", "scheme-simulator", List.of("schemeinbound", "schemeoutbound"),
            SchemeSimulatorReactions.ALL);

    private final String login;
    private final String groupPrefix;
    private final List<String> followedCategories;
    private final List<ConsumerGroup<?>> consumerGroups;

    ServiceAccount(String login, String groupPrefix, List<String> followedCategories,
                   List<ConsumerGroup<?>> consumerGroups) {
        this.login = login;
        this.groupPrefix = groupPrefix + ".";
        this.followedCategories = followedCategories;
        this.consumerGroups = consumerGroups;
    }

    /** The EventStoreDB login, e.g. {@code accounts-service}. */
    public String login() {
        return login;
    }

    /** What the names of the service's consumer groups start with, e.g. {@code accounts.}. */
    public String groupPrefix() {
        return groupPrefix;
    }

    /** The categories whose {@code $ce-} stream the service's read models follow. */
    public List<String> followedCategories() {
        return followedCategories;
    }

    /** The consumer groups of the service's reactions. */
    public List<ConsumerGroup<?>> consumerGroups() {
        return consumerGroups;
    }

    /** Every system stream the service reads: {@code $ce-} streams, then per group its {@code $et-} and parked stream. */
    public List<String> readableSystemStreams() {
        List<String> streams = new ArrayList<>();
        followedCategories.forEach(category -> streams.add(PaymentStreams.byCategory(category)));
        for (ConsumerGroup<?> group : consumerGroups()) {
            streams.add(group.stream());
            streams.add(group.parkedStream());
        }
        return streams;
    }

    /** The service whose consumer group this is. */
    public static Optional<ServiceAccount> owning(ConsumerGroup<?> group) {
        for (ServiceAccount account : values()) {
            if (account.consumerGroups.contains(group)) {
                return Optional.of(account);
            }
        }
        return Optional.empty();
    }
}
