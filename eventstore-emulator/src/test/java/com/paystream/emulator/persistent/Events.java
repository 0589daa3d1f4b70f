package com.paystream.emulator.persistent;

import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

final class Events {
    private Events() {
    }

    /** Appends events of the given types (data {"n":i}) and waits until they are written. */
    static void append(KurrentDBClient client, String stream, String... types) throws Exception {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            events.add(EventData.builderAsJson(types[i], ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))
                    .build());
        }
        client.appendToStream(stream, events.iterator()).get();
    }

    static void appendMany(KurrentDBClient client, String stream, String type, int count) throws Exception {
        String[] types = new String[count];
        java.util.Arrays.fill(types, type);
        append(client, stream, types);
    }
}
