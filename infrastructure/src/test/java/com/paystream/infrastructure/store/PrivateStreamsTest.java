package com.paystream.infrastructure.store;

import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.StreamMetadata;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** On a store that enforces users and ACLs, the application signed in as {@value #SERVICE}. */
@QuarkusTest
@WithTestResource(value = EventStoreTestResource.class, initArgs = @ResourceArg(
        name = EventStoreTestResource.SIGNED_IN_AS, value = PrivateStreamsTest.SERVICE))
class PrivateStreamsTest {
    static final String SERVICE = "this-service";

    @Inject
    EventStore store;

    private final List<KurrentDBClient> clients = new ArrayList<>();
    private final String paymentId = Payments.newPaymentId();
    private final InboundPaymentReceived received = Payments.received(paymentId, "private-streams-test");
    private final String privateStream = "screening-" + UUID.randomUUID();

    @AfterEach
    void closeClients() {
        clients.forEach(KurrentDBClient::shutdown);
    }

    private KurrentDBClient signedInAs(String login) {
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                EventStoreTestResource.connectionStringAs(login)));
        clients.add(client);
        return client;
    }

    private void createPrivateStream() {
        store.append(privateStream, Expected.noStream(), Causation.command("create", "corr"),
                List.of(received));
    }

    private static Status.Code refusal(CompletableFuture<?> call) throws Exception {
        try {
            call.get(10, TimeUnit.SECONDS);
            return Status.Code.OK;
        } catch (ExecutionException e) {
            return e.getCause() instanceof StatusRuntimeException refused ? refused.getStatus().getCode()
                    : Status.Code.UNKNOWN;
        }
    }

    private static CompletableFuture<?> appendOne(KurrentDBClient client, String stream) {
        return client.appendToStream(stream, EventDataBuilder.json(UUID.randomUUID(), "Intrusion",
                "{}".getBytes(StandardCharsets.UTF_8)).build());
    }

    @Test
    void anotherServiceCannotReadAStreamThisServiceCreated() throws Exception {
        createPrivateStream();

        assertThat(refusal(signedInAs(EventStoreTestResource.ANOTHER_SERVICE).readStream(privateStream,
                ReadStreamOptions.get()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void anotherServiceCannotWriteToAStreamThisServiceCreated() throws Exception {
        createPrivateStream();

        assertThat(refusal(appendOne(signedInAs(EventStoreTestResource.ANOTHER_SERVICE), privateStream)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(store.load(privateStream).events()).hasSize(1);
    }

    @Test
    void anotherServiceCannotRewriteTheAccessListOfAStreamThisServiceCreated() throws Exception {
        createPrivateStream();

        assertThat(refusal(signedInAs(EventStoreTestResource.ANOTHER_SERVICE).setStreamMetadata(privateStream,
                new StreamMetadata()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void thisServiceKeepsReadingAndWritingItsPrivateStream() {
        createPrivateStream();

        store.append(privateStream, Expected.at(0), Causation.command("next", "corr"),
                List.of(Payments.validated(received)));

        assertThat(store.load(privateStream).payloads()).containsExactly(received, Payments.validated(received));
    }

    @Test
    void aPaymentStreamStaysReadableByEveryService() throws Exception {
        String stream = PaymentStreams.payment(paymentId);
        store.append(stream, Expected.noStream(), Causation.command("create", "corr"), List.of(received));

        assertThat(refusal(signedInAs(EventStoreTestResource.ANOTHER_SERVICE).readStream(stream,
                ReadStreamOptions.get()))).isEqualTo(Status.Code.OK);
    }

    @Test
    void aStreamWrittenBeforeAccessListsBecomesPrivateAtThisServicesNextWrite() throws Exception {
        KurrentDBClient admin = signedInAs("admin");
        admin.appendToStream(privateStream, AppendToStreamOptions.get(), EventDataBuilder.json(UUID.randomUUID(),
                "Older", "{}".getBytes(StandardCharsets.UTF_8)).build()).get(10, TimeUnit.SECONDS);
        KurrentDBClient another = signedInAs(EventStoreTestResource.ANOTHER_SERVICE);
        assertThat(refusal(another.readStream(privateStream, ReadStreamOptions.get()))).isEqualTo(Status.Code.OK);

        store.append(privateStream, Expected.at(0), Causation.command("next", "corr"),
                List.of(received));

        assertThat(refusal(another.readStream(privateStream, ReadStreamOptions.get())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void readingAnotherServicesPrivateStreamIsRefusedAsAnAccessFault() throws Exception {
        String theirs = "account-" + UUID.randomUUID();
        KurrentDBClient another = signedInAs(EventStoreTestResource.ANOTHER_SERVICE);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setAcl(PrivateStreams.ownedBy(EventStoreTestResource.ANOTHER_SERVICE));
        another.setStreamMetadata(theirs, metadata).get(10, TimeUnit.SECONDS);
        appendOne(another, theirs).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> store.load(theirs)).isInstanceOf(StoreAccessDeniedException.class)
                .hasMessageContaining("PERMISSION_DENIED");
    }

    @Test
    void theStoreCountsAsReadyForAServiceThatMayNotReadAll() throws Exception {
        assertThat(refusal(signedInAs(SERVICE).readAll(ReadAllOptions.get().maxCount(1))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);

        given().get("/q/health/ready").then().body("checks.find { it.name == 'eventstore' }.status",
                equalTo("UP"));
    }
}
