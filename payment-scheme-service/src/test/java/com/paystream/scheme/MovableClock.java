package com.paystream.scheme;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's one clock in the tests, in place of the system's: it runs as the system's until a test sets it to an
 * instant, and again once the test {@link #reset resets} it.
 */
@Singleton
public class MovableClock extends Clock {
    private volatile Instant fixed;

    /** From now on the clock reads {@code instant}, until set again or reset. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** The clock runs as the system's again. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
