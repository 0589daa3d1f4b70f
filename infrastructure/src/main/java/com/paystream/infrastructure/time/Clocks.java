package com.paystream.infrastructure.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock every bean of a service reads the time from ({@code @Inject Clock clock}): UTC, the system's. A test
 * that needs to move time declares a {@code Clock} bean of its own, which takes this one's place.
 */
@ApplicationScoped
public class Clocks {
    @Produces
    @DefaultBean
    @ApplicationScoped
    public Clock clock() {
        return Clock.systemUTC();
    }
}
