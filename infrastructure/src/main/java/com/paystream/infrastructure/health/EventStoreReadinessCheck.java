package com.paystream.infrastructure.health;

import com.eventstore.dbclient.ReadAllOptions;
import com.paystream.infrastructure.client.EventStoreClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code eventstore}: UP when a read of the store answers (the newest event of {@code $all}), DOWN otherwise. */
@Readiness
@ApplicationScoped
public class EventStoreReadinessCheck implements HealthCheck {
    static final String NAME = "eventstore";
    private static final long READ_DEADLINE_MILLIS = 3000;

    private final EventStoreClients clients;

    @Inject
    public EventStoreReadinessCheck(EventStoreClients clients) {
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            clients.call(client -> client.readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1)
                    .deadline(READ_DEADLINE_MILLIS)));
            return HealthCheckResponse.named(NAME).up().withData("clientGeneration", clients.generation()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "EventStoreDB is unreachable").build();
        }
    }
}
