package com.paystream.emulator.auth;

import com.paystream.emulator.EventStoreEmulator;
import com.paystream.emulator.TestEvents;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionListener;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A secure emulator ({@code --auth}): credentials checked on every call, stream access control lists enforced as
 * EventStoreDB's default policy does. (The real server does this only with TLS, so these run on the emulator only.)
 */
class AccessControlTest {
    private static EventStoreEmulator emulator;
    private static final List<AutoCloseable> CLIENTS = new ArrayList<>();
    private static KurrentDBClient admin;
    private static KurrentDBClient ops;
    private static KurrentDBClient anonymous;

    @BeforeAll
    static void start() {
        emulator = EventStoreEmulator.inMemory().authentication(true).start();
        admin = client("admin:changeit@");
        ops = client("ops:changeit@");
        anonymous = client("");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable client : CLIENTS) {
            client.close();
        }
        emulator.close();
    }

    private static KurrentDBClient client(String credentials) {
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb://" + credentials + "localhost:" + emulator.port() + "?tls=false"));
        CLIENTS.add(() -> client.shutdown().get(5, TimeUnit.SECONDS));
        return client;
    }

    private static String stream(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static void append(KurrentDBClient client, String stream) throws Exception {
        client.appendToStream(stream, AppendToStreamOptions.get().streamState(StreamState.any()),
                TestEvents.json("Thing")).get(5, TimeUnit.SECONDS);
    }

    private static ReadResult read(KurrentDBClient client, String stream) throws Exception {
        return client.readStream(stream, ReadStreamOptions.get().resolveLinkTos()).get(5, TimeUnit.SECONDS);
    }

    private static void setAcl(String stream, String json) throws Exception {
        admin.appendToStream("$$" + stream, AppendToStreamOptions.get().streamState(StreamState.any()),
                TestEvents.json("$metadata", "{\"$acl\":" + json + "}")).get(5, TimeUnit.SECONDS);
    }

    /** The gRPC status a failed call ended with. */
    private static StatusRuntimeException statusOf(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof StatusRuntimeException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a gRPC status in " + thrown).isNotNull();
        return (StatusRuntimeException) cause;
    }

    private static void assertAccessDenied(Throwable thrown) {
        StatusRuntimeException status = statusOf(thrown);
        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status.getTrailers().get(Metadata.Key.of("exception", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("access-denied");
    }

    @Test
    void aCallWithAWrongPasswordIsUnauthenticated() {
        KurrentDBClient wrong = client("admin:not-the-password@");

        assertThatThrownBy(() -> read(wrong, stream("any")))
                .satisfies(e -> assertThat(statusOf(e).getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aCallerWithoutCredentialsMayNotReadAStream() {
        assertThatThrownBy(() -> read(anonymous, stream("open"))).satisfies(AccessControlTest::assertAccessDenied);
    }

    @Test
    void anySignedInUserMayWriteAndReadAUserStreamByDefault() throws Exception {
        String stream = stream("open");
        append(ops, stream);

        assertThat(read(ops, stream).getEvents()).hasSize(1);
    }

    @Test
    void aStreamsOwnAclKeepsOutUsersItDoesNotName() throws Exception {
        String stream = stream("private");
        append(admin, stream);
        setAcl(stream, "{\"$r\":\"$admins\",\"$w\":\"$admins\"}");

        assertThatThrownBy(() -> read(ops, stream)).satisfies(AccessControlTest::assertAccessDenied);
        assertThatThrownBy(() -> append(ops, stream)).satisfies(AccessControlTest::assertAccessDenied);
        assertThat(read(admin, stream).getEvents()).hasSize(1);
    }

    @Test
    void aStreamsAclNamingAUserLetsThatUserIn() throws Exception {
        String stream = stream("shared");
        setAcl(stream, "{\"$r\":[\"ops\"],\"$w\":[\"ops\"]}");

        append(ops, stream);
        assertThat(read(ops, stream).getEvents()).hasSize(1);
    }

    @Test
    void aStreamsMetadataIsReadOnlyWithTheMetadataReadRight() throws Exception {
        String stream = stream("meta");
        setAcl(stream, "{\"$mr\":\"$admins\"}");

        assertThatThrownBy(() -> ops.getStreamMetadata(stream).get(5, TimeUnit.SECONDS))
                .satisfies(AccessControlTest::assertAccessDenied);
        assertThat(admin.getStreamMetadata(stream).get(5, TimeUnit.SECONDS).getAcl()).isNotNull();
    }

    @Test
    void deletingAStreamNeedsTheDeleteRight() throws Exception {
        String stream = stream("undeletable");
        append(ops, stream);
        setAcl(stream, "{\"$d\":\"$admins\"}");

        assertThatThrownBy(() -> ops.deleteStream(stream).get(5, TimeUnit.SECONDS))
                .satisfies(AccessControlTest::assertAccessDenied);
        assertThat(read(ops, stream).getEvents()).hasSize(1);
    }

    @Test
    void systemStreamsAreForAdministratorsOnly() throws Exception {
        String stream = "$" + stream("system");
        append(admin, stream);

        assertThatThrownBy(() -> read(ops, stream)).satisfies(AccessControlTest::assertAccessDenied);
        assertThatThrownBy(() -> append(ops, stream)).satisfies(AccessControlTest::assertAccessDenied);
    }

    @Test
    void readingAllIsForAdministratorsByDefault() throws Exception {
        assertThatThrownBy(() -> ops.readAll(ReadAllOptions.get().maxCount(1)).get(5, TimeUnit.SECONDS))
                .satisfies(AccessControlTest::assertAccessDenied);
        assertThat(admin.readAll(ReadAllOptions.get().maxCount(1)).get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theDefaultAclInSettingsAppliesToStreamsWithoutTheirOwn() throws Exception {
        EventStoreEmulator own = EventStoreEmulator.inMemory().authentication(true).start();
        try {
            KurrentDBClient ownAdmin = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                    "kurrentdb://admin:changeit@localhost:" + own.port() + "?tls=false"));
            KurrentDBClient ownOps = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                    "kurrentdb://ops:changeit@localhost:" + own.port() + "?tls=false"));
            ownAdmin.appendToStream("$settings", TestEvents.json("update-default-acl",
                    "{\"$userStreamAcl\":{\"$r\":\"$admins\",\"$w\":\"$admins\"}}")).get(5, TimeUnit.SECONDS);

            assertThatThrownBy(() -> append(ownOps, stream("new"))).satisfies(AccessControlTest::assertAccessDenied);
            String allowed = stream("opened");
            ownAdmin.appendToStream("$$" + allowed, TestEvents.json("$metadata",
                    "{\"$acl\":{\"$w\":\"ops\",\"$r\":\"ops\"}}")).get(5, TimeUnit.SECONDS);
            append(ownOps, allowed);
            assertThat(read(ownOps, allowed).getEvents()).hasSize(1);
            ownAdmin.shutdown().get(5, TimeUnit.SECONDS);
            ownOps.shutdown().get(5, TimeUnit.SECONDS);
        } finally {
            own.close();
        }
    }

    /** A new stream holding one link, to an event in a stream only {@code $admins} may read; its name. */
    private String linkToAnEventOnlyAdminsMayRead(String prefix) throws Exception {
        String secret = stream("secret");
        append(admin, secret);
        setAcl(secret, "{\"$r\":\"$admins\"}");
        String links = stream(prefix);
        admin.appendToStream(links, EventData.builderAsBinary("$>", ("0@" + secret)
                .getBytes(StandardCharsets.UTF_8)).build()).get(5, TimeUnit.SECONDS);
        return links;
    }

    @Test
    void aLinkToAnEventTheReaderMayNotReadComesBackUnresolved() throws Exception {
        String links = linkToAnEventOnlyAdminsMayRead("links");

        ResolvedEvent asOps = read(ops, links).getEvents().get(0);
        ResolvedEvent asAdmin = read(admin, links).getEvents().get(0);

        assertThat(asOps.getEvent().getEventType()).isEqualTo("$>");
        assertThat(asOps.getLink()).isNull();
        assertThat(asAdmin.getEvent().getEventType()).isEqualTo("Thing");
        assertThat(asAdmin.getLink().getEventType()).isEqualTo("$>");
    }

    @Test
    void aPersistentSubscriptionDeliversALinkToAnEventTheConsumerMayNotReadUnresolved() throws Exception {
        String links = linkToAnEventOnlyAdminsMayRead("grouped-links");
        KurrentDBPersistentSubscriptionsClient asOps = persistentClient("ops:changeit@");
        asOps.createToStream(links, "readers", CreatePersistentSubscriptionToStreamOptions.get().fromStart()
                .resolveLinkTos()).get(5, TimeUnit.SECONDS);
        CompletableFuture<ResolvedEvent> delivered = new CompletableFuture<>();

        PersistentSubscription subscription = asOps.subscribeToStream(links, "readers",
                new PersistentSubscriptionListener() {
                    @Override
                    public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
                        subscription.ack(event);
                        delivered.complete(event);
                    }
                }).get(5, TimeUnit.SECONDS);
        try {
            ResolvedEvent event = delivered.get(5, TimeUnit.SECONDS);
            assertThat(event.getEvent().getEventType()).isEqualTo("$>");
            assertThat(event.getLink()).isNull();
        } finally {
            subscription.stop();
        }
    }

    @Test
    void persistentSubscriptionsAreManagedByOpsAndNotByAnonymousCallers() throws Exception {
        String stream = stream("grouped");
        KurrentDBPersistentSubscriptionsClient asAnonymous = persistentClient("");
        KurrentDBPersistentSubscriptionsClient asOps = persistentClient("ops:changeit@");

        assertThatThrownBy(() -> asAnonymous.createToStream(stream, "group-a",
                CreatePersistentSubscriptionToStreamOptions.get()).get(5, TimeUnit.SECONDS))
                .satisfies(AccessControlTest::assertAccessDenied);
        asOps.createToStream(stream, "group-a", CreatePersistentSubscriptionToStreamOptions.get())
                .get(5, TimeUnit.SECONDS);
        assertThat(asOps.getInfoToStream(stream, "group-a").get(5, TimeUnit.SECONDS)).isPresent();
    }

    private static KurrentDBPersistentSubscriptionsClient persistentClient(String credentials) {
        KurrentDBPersistentSubscriptionsClient client = KurrentDBPersistentSubscriptionsClient.create(
                KurrentDBConnectionString.parseOrThrow("kurrentdb://" + credentials + "localhost:" + emulator.port()
                        + "?tls=false"));
        CLIENTS.add(() -> client.shutdown().get(5, TimeUnit.SECONDS));
        return client;
    }
}
