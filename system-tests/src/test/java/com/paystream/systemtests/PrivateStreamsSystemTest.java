package com.paystream.systemtests;

import com.paystream.events.PaymentStreams;
import com.paystream.topology.ServiceAccount;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.DeleteStreamOptions;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's store enforces users and ACLs, and each service signs in as its own user: a service's private streams
 * are private in fact. Tried with each service's own credentials, after one payment went all the way through.
 */
@ExtendWith(Suite.class)
class PrivateStreamsSystemTest {
    private static final Map<ServiceAccount, KurrentDBClient> CLIENTS = new EnumMap<>(ServiceAccount.class);
    private static Bank.Account account;
    private static Bank.Sent payment;

    private final Suite suite = Suite.get();

    /** A private stream of each kind, with the service that owns it. */
    enum PrivateStream {
        ACCOUNT(ServiceAccount.ACCOUNTS),
        SCREENING(ServiceAccount.SANCTIONS),
        SCHEME_RECORD(ServiceAccount.SCHEME_SIMULATOR);

        final ServiceAccount owner;

        PrivateStream(ServiceAccount owner) {
            this.owner = owner;
        }

        String stream() {
            return switch (this) {
                case ACCOUNT -> "account-" + account.id();
                case SCREENING -> "screening-" + payment.paymentId();
                case SCHEME_RECORD -> "schemeinbound-" + payment.schemeTransactionId();
            };
        }
    }

    PrivateStreamsSystemTest() {
        synchronized (CLIENTS) {
            if (payment == null) {
                Bank bank = new Bank(suite);
                account = bank.openAccount("PRIVATE STREAMS");
                payment = bank.pay(account, 1_000);
                bank.awaitStatus(payment.paymentId(), "COMPLETED");
            }
        }
    }

    @AfterAll
    static void closeClients() {
        CLIENTS.values().forEach(KurrentDBClient::shutdown);
        CLIENTS.clear();
    }

    private KurrentDBClient as(ServiceAccount service) {
        synchronized (CLIENTS) {
            return CLIENTS.computeIfAbsent(service, s -> KurrentDBClient.create(
                    KurrentDBConnectionString.parseOrThrow(suite.connectionStringOf(s))));
        }
    }

    private static Status.Code answer(CompletableFuture<?> call) throws Exception {
        try {
            call.get(10, TimeUnit.SECONDS);
            return Status.Code.OK;
        } catch (ExecutionException e) {
            return e.getCause() instanceof StatusRuntimeException refused ? refused.getStatus().getCode()
                    : Status.Code.UNKNOWN;
        }
    }

    private Status.Code read(ServiceAccount service, String stream) throws Exception {
        return answer(as(service).readStream(stream, ReadStreamOptions.get()));
    }

    @ParameterizedTest
    @EnumSource(PrivateStream.class)
    void onlyItsOwnerReadsAPrivateStream(PrivateStream stream) throws Exception {
        for (ServiceAccount service : ServiceAccount.values()) {
            assertThat(read(service, stream.stream())).as(service.login() + " reads " + stream.stream())
                    .isEqualTo(service == stream.owner ? Status.Code.OK : Status.Code.PERMISSION_DENIED);
        }
    }

    @ParameterizedTest
    @EnumSource(PrivateStream.class)
    void noOtherServiceWritesToAPrivateStream(PrivateStream stream) throws Exception {
        for (ServiceAccount service : ServiceAccount.values()) {
            if (service != stream.owner) {
                assertThat(answer(as(service).appendToStream(stream.stream(), EventDataBuilder.json(UUID.randomUUID(),
                        "Intrusion", "{}".getBytes(StandardCharsets.UTF_8)).build())))
                        .as(service.login() + " writes to " + stream.stream()).isEqualTo(Status.Code.PERMISSION_DENIED);
            }
        }
    }

    @Test
    void everyServiceReadsAPaymentsSharedTimeline() throws Exception {
        for (ServiceAccount service : ServiceAccount.values()) {
            assertThat(read(service, PaymentStreams.payment(payment.paymentId()))).as(service.login())
                    .isEqualTo(Status.Code.OK);
        }
    }

    @Test
    void noServiceReadsAllWhichWouldPassOverEveryAccessList() throws Exception {
        for (ServiceAccount service : ServiceAccount.values()) {
            assertThat(answer(as(service).readAll(ReadAllOptions.get().maxCount(1)))).as(service.login())
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
    }

    @Test
    void noServiceReadsAnotherServicesCategoryStream() throws Exception {
        assertThat(read(ServiceAccount.PAYMENT_SCHEME, "$ce-account")).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(read(ServiceAccount.ACCOUNTS, "$ce-screening")).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void noServiceDeletesAPaymentsTimeline() throws Exception {
        assertThat(answer(as(ServiceAccount.SANCTIONS).deleteStream(PaymentStreams.payment(payment.paymentId()),
                DeleteStreamOptions.get()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(read(ServiceAccount.PAYMENT_SCHEME, PaymentStreams.payment(payment.paymentId())))
                .isEqualTo(Status.Code.OK);
    }
}
