package com.paystream.sanctions.list;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code sanctions-list}: DOWN until the list view caught up (nothing may be screened against half a list). */
@Readiness
@ApplicationScoped
public class SanctionsListReadiness implements HealthCheck {
    @Inject
    SanctionsListView view;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sanctions-list")
                .status(view.caughtUp())
                .withData("revision", view.revision())
                .withData("entries", view.entries().size())
                .withData("failure", view.failure() == null ? "" : view.failure())
                .build();
    }
}
