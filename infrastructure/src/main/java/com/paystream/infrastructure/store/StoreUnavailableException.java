package com.paystream.infrastructure.store;

/**
 * EventStoreDB cannot be reached (or did not answer in time). Transient: a reaction is retried, an HTTP request gets
 * 503 with {@code Retry-After}.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
