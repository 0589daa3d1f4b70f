package com.paystream.infrastructure.readmodel;

import java.util.Objects;

/**
 * The stream a read model follows, links resolved: a {@code $ce-} or {@code $et-} stream the service's EventStoreDB
 * user may read, or one of the service's own streams (e.g. the sanctions list). Never {@code $all}: reading it passes over every stream's access control list, so only
 * {@code $admins} may.
 */
public final class ReadModelSource {
    private final String stream;

    private ReadModelSource(String stream) {
        this.stream = stream;
    }

    /** A stream, e.g. {@code $ce-payment} or {@code $et-InboundPaymentHeld}; links are resolved. */
    public static ReadModelSource stream(String stream) {
        return new ReadModelSource(Objects.requireNonNull(stream, "stream"));
    }

    public String stream() {
        return stream;
    }

    @Override
    public String toString() {
        return stream;
    }
}
