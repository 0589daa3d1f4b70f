package com.paystream.infrastructure.health;

import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.store.StoreAccessDeniedException;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.StreamNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code eventstore}: UP when the store answers a read as this service's user, DOWN when it cannot be reached or
 * refuses the credentials. The read is of a stream nobody writes (any signed-in user may read a user stream; "not
 * found" is an answer), not of {@code $all}, which only {@code $admins} may read.
 */
@Readiness
@ApplicationScoped
public class EventStoreReadinessCheck implements HealthCheck {
    static final String NAME = "eventstore";
    static final String PROBE_STREAM = "readinessprobe";
    private static final long READ_DEADLINE_MILLIS = 3000;

    private final EventStoreClients clients;

    @Inject
    public EventStoreReadinessCheck(EventStoreClients clients) {
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            clients.call(client -> client.readStream(PROBE_STREAM, ReadStreamOptions.get().backwards().fromEnd()
                    .maxCount(1).deadline(READ_DEADLINE_MILLIS)));
        } catch (StreamNotFoundException e) {
            // answered
        } catch (StoreAccessDeniedException e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", e.getMessage()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "EventStoreDB is unreachable").build();
        }
        return HealthCheckResponse.named(NAME).up().withData("clientGeneration", clients.generation()).build();
    }
}
