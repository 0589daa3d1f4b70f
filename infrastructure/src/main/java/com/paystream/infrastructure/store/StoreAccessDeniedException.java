package com.paystream.infrastructure.store;

/**
 * EventStoreDB refused this service: its credentials (UNAUTHENTICATED) or its rights on a stream (PERMISSION_DENIED,
 * e.g. another service's private stream, or a system stream the data seeder did not grant). Not transient: a
 * configuration fault, answered over HTTP as 500 with what was refused.
 */
public class StoreAccessDeniedException extends RuntimeException {
    public StoreAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
