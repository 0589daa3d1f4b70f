package com.paystream.infrastructure.subscription;

/** Thrown by a reaction for a failure worth retrying (a dependency briefly away): the event is nacked with Retry. */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message) {
        super(message);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
