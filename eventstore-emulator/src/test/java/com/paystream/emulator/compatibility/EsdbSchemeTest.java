package com.paystream.emulator.compatibility;

import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The KurrentDB client takes the older {@code esdb://} scheme too, the one the emulator's connectionString() gives. */
class EsdbSchemeTest {
    @Test
    void theKurrentDBClientConnectsWithAnEsdbConnectionString() throws Exception {
        try (EventStoreEmulator emulator = EventStoreEmulator.inMemory().start()) {
            assertThat(emulator.connectionString()).startsWith("esdb://");
            KurrentDBClient client = KurrentDBClient.create(
                    KurrentDBConnectionString.parseOrThrow(emulator.connectionString()));
            try {
                client.appendToStream("scheme-1", EventData.builderAsJson("Written",
                        "{}".getBytes(StandardCharsets.UTF_8)).build()).get();

                assertThat(client.readStream("scheme-1", ReadStreamOptions.get()).get().getEvents()).hasSize(1);
            } finally {
                client.shutdown().get();
            }
        }
    }
}
