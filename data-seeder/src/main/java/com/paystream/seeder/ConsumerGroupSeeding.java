package com.paystream.seeder;

import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.ConsumerGroups;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.NamedConsumerStrategy;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates every consumer group of {@link ConsumerGroups} that does not exist, with the settings the services use
 * when they create a missing group themselves (infrastructure's {@code EventStoreConfig} defaults): from the start
 * of the {@code $et-} stream, links resolved, 10 retries, 30 s message timeout, the group's consumer strategy. An existing group is left alone.
 */
final class ConsumerGroupSeeding {
    static final int MAX_RETRY_COUNT = 10;
    static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(30);

    private final KurrentDBPersistentSubscriptionsClient persistent;
    private final SeedReport report;

    ConsumerGroupSeeding(KurrentDBPersistentSubscriptionsClient persistent, SeedReport report) {
        this.persistent = persistent;
        this.report = report;
    }

    void seed() throws InterruptedException {
        for (ConsumerGroup<?> group : ConsumerGroups.all()) {
            String label = "consumer group " + group.name() + " on " + group.stream();
            try {
                if (exists(group)) {
                    report.unchanged(label);
                    continue;
                }
                persistent.createToStream(group.stream(), group.name(), CreatePersistentSubscriptionToStreamOptions
                        .get().fromStart().resolveLinkTos().maxRetryCount(MAX_RETRY_COUNT)
                        .messageTimeout(MESSAGE_TIMEOUT).namedConsumerStrategy(strategy(group)))
                        .get(10, TimeUnit.SECONDS);
                report.changed("created " + label);
            } catch (ExecutionException | TimeoutException e) {
                // a service may have created it meanwhile
                if (existsQuietly(group)) {
                    report.unchanged(label);
                } else {
                    report.failed("Cannot create " + label + ": " + message(e));
                }
            }
        }
    }

    static NamedConsumerStrategy strategy(ConsumerGroup<?> group) {
        return switch (group.strategy()) {
            case ROUND_ROBIN -> NamedConsumerStrategy.ROUND_ROBIN;
            case PINNED_BY_CORRELATION -> NamedConsumerStrategy.PINNED_BY_CORRELATION;
        };
    }

    private boolean exists(ConsumerGroup<?> group)
            throws ExecutionException, TimeoutException, InterruptedException {
        return persistent.getInfoToStream(group.stream(), group.name()).get(10, TimeUnit.SECONDS).isPresent();
    }

    private boolean existsQuietly(ConsumerGroup<?> group) throws InterruptedException {
        try {
            return exists(group);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    static String message(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
