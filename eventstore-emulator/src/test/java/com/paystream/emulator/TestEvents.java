package com.paystream.emulator;

import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.ResolvedEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Small builders and helpers shared by the tests that drive the official client. */
public final class TestEvents {
    private TestEvents() {
    }

    public static EventData json(String type, String json) {
        return EventData.builderAsJson(type, json.getBytes(StandardCharsets.UTF_8)).build();
    }

    public static EventData json(String type) {
        return json(type, "{\"n\":1}");
    }

    /** {@code count} JSON events of {@code type} whose data is {@code {"n":i}}. */
    public static List<EventData> numbered(String type, int count) {
        List<EventData> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(EventData.builderAsJson(type, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))
                    .eventId(UUID.randomUUID()).build());
        }
        return events;
    }

    public static String data(ResolvedEvent event) {
        return new String(event.getOriginalEvent().getEventData(), StandardCharsets.UTF_8);
    }

    /** Waits for a client future and unwraps the failure the client reported. */
    public static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw new IllegalStateException(cause);
        }
    }
}
