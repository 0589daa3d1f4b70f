package com.paystream.infrastructure.correlation;

import com.paystream.infrastructure.store.Causation;
import jakarta.enterprise.context.RequestScoped;

/**
 * The current HTTP request's correlation id ({@code X-Correlation-Id}, taken from the request or made up). Inject it
 * in a resource to append events with it as {@code $correlationId}.
 */
@RequestScoped
public class CorrelationId {
    private String value;

    public String value() {
        return value;
    }

    void set(String value) {
        this.value = value;
    }

    /** The cause of events appended for a command with a stable id, correlated to this request. */
    public Causation command(String commandId) {
        return Causation.command(commandId, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
