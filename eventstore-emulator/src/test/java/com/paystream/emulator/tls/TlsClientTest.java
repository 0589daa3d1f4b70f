package com.paystream.emulator.tls;

import com.paystream.emulator.EventStoreEmulator;
import io.kurrent.dbclient.ConnectionShutdownException;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionListener;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.data;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official client (5.4.5) on a secure emulator over TLS: {@code tls=true&tlsCAFile=...}, as a service connects. */
class TlsClientTest {
    @TempDir
    static Path files;
    private static EventStoreEmulator emulator;
    private static Path caFile;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startTlsEmulator() throws Exception {
        TestCertificates.Authority authority = TestCertificates.Authority.create("Paystream test CA");
        caFile = authority.write(files.resolve("ca.crt"));
        Path[] node = TestCertificates.write(authority.issue("localhost", "127.0.0.1"), files);
        emulator = EventStoreEmulator.inMemory().authentication(true)
                .tls(NodeCertificate.fromPemFiles(node[0], node[1])).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private KurrentDBClient client(String connectionString) {
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                connectionString));
        opened.add(() -> client.shutdown().get(5, TimeUnit.SECONDS));
        return client;
    }

    private static String trustingTheCa() {
        return "kurrentdb://admin:changeit@localhost:" + emulator.port() + "?tls=true&tlsCAFile=" + caFile;
    }

    @Test
    void theClientAppendsAndReadsOverTlsTrustingTheCaFile() throws Exception {
        KurrentDBClient client = client(trustingTheCa());
        String stream = newStream("secured");

        await(client.appendToStream(stream, json("Secured")));

        assertThat(await(client.readStream(stream, ReadStreamOptions.get())).getEvents()).hasSize(1);
    }

    @Test
    void persistentSubscriptionsDeliverOverTls() throws Exception {
        KurrentDBClient client = client(trustingTheCa());
        KurrentDBPersistentSubscriptionsClient persistent = KurrentDBPersistentSubscriptionsClient.create(
                KurrentDBConnectionString.parseOrThrow(trustingTheCa()));
        opened.add(() -> persistent.shutdown().get(5, TimeUnit.SECONDS));
        String stream = newStream("secured");
        await(persistent.createToStream(stream, "tls-group"));
        CompletableFuture<String> delivered = new CompletableFuture<>();
        PersistentSubscription subscription = await(persistent.subscribeToStream(stream, "tls-group",
                new PersistentSubscriptionListener() {
                    @Override
                    public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
                        subscription.ack(event);
                        delivered.complete(data(event));
                    }
                }));
        opened.add(subscription::stop);

        await(client.appendToStream(stream, json("Secured", "{\"n\":7}")));

        assertThat(delivered.get(5, TimeUnit.SECONDS)).isEqualTo("{\"n\":7}");
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() throws Exception {
        Path otherCa = TestCertificates.Authority.create("Someone else's CA").write(files.resolve("other-ca.crt"));
        KurrentDBClient client = client("kurrentdb://admin:changeit@localhost:" + emulator.port()
                + "?tls=true&tlsCAFile=" + otherCa);

        assertThatThrownBy(() -> await(client.appendToStream(newStream("secured"), json("Secured"))))
                .isInstanceOf(ConnectionShutdownException.class);
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        TestCertificates.Authority authority = TestCertificates.Authority.create("Paystream test CA");
        Path[] node = TestCertificates.write(authority.issue("eventstore.example"), files.resolve("elsewhere"));
        EventStoreEmulator elsewhere = EventStoreEmulator.inMemory()
                .tls(NodeCertificate.fromPemFiles(node[0], node[1])).start();
        opened.add(elsewhere);
        KurrentDBClient client = client(elsewhere.kurrentdbConnectionString() + "&tlsCAFile="
                + authority.write(files.resolve("elsewhere-ca.crt")));

        assertThatThrownBy(() -> await(client.appendToStream(newStream("secured"), json("Secured"))))
                .isInstanceOf(ConnectionShutdownException.class);
    }

    @Test
    void aPlaintextClientIsRefused() {
        KurrentDBClient client = client("kurrentdb://admin:changeit@localhost:" + emulator.port() + "?tls=false");

        assertThatThrownBy(() -> await(client.appendToStream(newStream("secured"), json("Secured"))))
                .isInstanceOf(ConnectionShutdownException.class);
    }
}
