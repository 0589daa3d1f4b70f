package com.paystream.infrastructure.readmodel;

import com.paystream.events.EventTypes;
import com.paystream.events.PaymentEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The stream a read model follows (links resolved), or {@code $all} filtered to some event types. */
public final class ReadModelSource {
    private final String stream;
    private final List<String> eventTypes;

    private ReadModelSource(String stream, List<String> eventTypes) {
        this.stream = stream;
        this.eventTypes = eventTypes;
    }

    /** A stream, e.g. {@code $ce-payment} or {@code $et-InboundPaymentHeld}; links are resolved. */
    public static ReadModelSource stream(String stream) {
        return new ReadModelSource(Objects.requireNonNull(stream, "stream"), List.of());
    }

    /** {@code $all}, only events of these types. */
    @SafeVarargs
    public static ReadModelSource allOf(Class<? extends PaymentEvent>... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("Name at least one event type");
        }
        return new ReadModelSource(null, Arrays.stream(types).map(EventTypes::nameOf).collect(Collectors.toList()));
    }

    public boolean isAll() {
        return stream == null;
    }

    public String stream() {
        return stream;
    }

    /** The event-type filter for {@code $all}: {@code ^(A|B)$}. */
    String eventTypeRegex() {
        return eventTypes.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$"));
    }

    @Override
    public String toString() {
        return isAll() ? "$all" + eventTypes : stream;
    }
}
