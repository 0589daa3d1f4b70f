package com.paystream.infrastructure.health;

import com.paystream.infrastructure.readmodel.ReadModelRunner;
import com.paystream.infrastructure.readmodel.ReadModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** {@code read-models}: DOWN until every read model has caught up, and when one stopped on a failure. */
@Readiness
@ApplicationScoped
public class ReadModelsReadinessCheck implements HealthCheck {
    private final ReadModelRunner runner;

    @Inject
    public ReadModelsReadinessCheck(ReadModelRunner runner) {
        this.runner = runner;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read-models").up();
        for (ReadModelStatus status : runner.statuses()) {
            if (!status.healthy()) {
                response.down();
            }
            response.withData(status.name(), status.failure() != null ? "failed: " + status.failure()
                    : status.caughtUp() ? "caught up" : "catching up");
        }
        return response.build();
    }
}
