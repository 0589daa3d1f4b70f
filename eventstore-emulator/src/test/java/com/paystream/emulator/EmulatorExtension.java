package com.paystream.emulator;

import com.eventstore.dbclient.EventStoreDBClient;
import com.eventstore.dbclient.EventStoreDBClientSettings;
import com.eventstore.dbclient.EventStoreDBConnectionString;
import com.eventstore.dbclient.EventStoreDBPersistentSubscriptionsClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.UUID;

/**
 * Starts an in-memory emulator on a free port for a test class and hands out official clients connected to it.
 * <pre>{@code @RegisterExtension static final EmulatorExtension emulator = new EmulatorExtension();}</pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback {
    private EventStoreEmulator emulator;
    private EventStoreDBClient client;
    private EventStoreDBPersistentSubscriptionsClient persistentClient;

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = EventStoreEmulator.inMemory().start();
        EventStoreDBClientSettings settings = EventStoreDBConnectionString.parseOrThrow(emulator.connectionString());
        client = EventStoreDBClient.create(settings);
        persistentClient = EventStoreDBPersistentSubscriptionsClient.create(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        persistentClient.shutdown().get();
        client.shutdown().get();
        emulator.close();
    }

    public EventStoreDBClient client() {
        return client;
    }

    public EventStoreDBPersistentSubscriptionsClient persistentClient() {
        return persistentClient;
    }

    public EventStoreEmulator emulator() {
        return emulator;
    }

    /** A stream name no other test uses, in the given category ({@code category-uuid}). */
    public static String newStream(String category) {
        return category + "-" + UUID.randomUUID().toString().replace("-", "");
    }
}
