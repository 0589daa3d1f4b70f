package com.paystream.simulator.outbound;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the scheme takes outbound submissions now. Closing it plays a scheme outage: every submission is answered
 * 503 until it opens again (the bank retries, then parks, and replays once the scheme is back). Open at start.
 */
@ApplicationScoped
public class SchemeIntake {
    private final AtomicBoolean open = new AtomicBoolean(true);

    public boolean isOpen() {
        return open.get();
    }

    public void set(boolean open) {
        this.open.set(open);
    }
}
