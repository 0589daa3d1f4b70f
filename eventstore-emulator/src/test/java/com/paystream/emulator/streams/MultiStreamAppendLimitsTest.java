package com.paystream.emulator.streams;

import com.paystream.emulator.EventStoreEmulator;
import com.paystream.emulator.grpc.AppendLimits;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordSizeExceededException;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.TransactionMaxSizeExceededException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Multi-stream appends past the record and session size limits, and on a secure node. */
class MultiStreamAppendLimitsTest {
    private static EventStoreEmulator emulator;
    private static KurrentDBClient admin;
    private static KurrentDBClient clerk;

    @BeforeAll
    static void start() {
        emulator = EventStoreEmulator.inMemory().authentication(true).appendLimits(new AppendLimits(100, 250))
                .start();
        emulator.users().orElseThrow().create("clerk", "Clerk", java.util.Set.of(), "secret");
        admin = client("admin:changeit");
        clerk = client("clerk:secret");
    }

    @AfterAll
    static void stop() throws Exception {
        admin.shutdown().get();
        clerk.shutdown().get();
        emulator.close();
    }

    private static KurrentDBClient client(String credentials) {
        return KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb://" + credentials + "@localhost:" + emulator.port() + "?tls=false"));
    }

    private static EventData sized(int bytes) {
        return EventData.builderAsBinary("Sized", new byte[bytes]).build();
    }

    private static AppendStreamRequest to(String stream, EventData... events) {
        return new AppendStreamRequest(stream, List.of(events).iterator(), StreamState.any());
    }

    private static boolean exists(String stream) throws Exception {
        try {
            await(admin.readStream(stream, ReadStreamOptions.get()));
            return true;
        } catch (StreamNotFoundException e) {
            return false;
        }
    }

    private static String newStream() {
        return "limits-" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aRecordLargerThanTheLimitFailsTheSessionWithRecordSizeExceeded() throws Exception {
        String small = newStream();
        String large = newStream();
        EventData tooLarge = sized(101);

        assertThatThrownBy(() -> await(admin.multiStreamAppend(List.of(to(small, sized(10)), to(large, tooLarge))
                .iterator())))
                .isInstanceOfSatisfying(RecordSizeExceededException.class, e -> {
                    assertThat(e.getStream()).isEqualTo(large);
                    assertThat(e.getRecordId()).isEqualTo(tooLarge.getEventId().toString());
                    assertThat(e.getSize()).isEqualTo(101);
                    assertThat(e.getMaxSize()).isEqualTo(100);
                });
        assertThat(exists(small)).isFalse();
    }

    @Test
    void aSessionLargerThanTheLimitFailsWithTransactionMaxSizeExceeded() throws Exception {
        String first = newStream();
        String second = newStream();

        assertThatThrownBy(() -> await(admin.multiStreamAppend(List.of(to(first, sized(100), sized(100)),
                to(second, sized(100))).iterator())))
                .isInstanceOfSatisfying(TransactionMaxSizeExceededException.class,
                        e -> assertThat(e.getMaxSize()).isEqualTo(250));
        assertThat(exists(first)).isFalse();
    }

    @Test
    void aStreamTheCallerMayNotWriteFailsTheSessionWithAccessDeniedAndNothingIsWritten() throws Exception {
        String allowed = newStream();
        String guarded = "$guarded-" + UUID.randomUUID();

        assertThatThrownBy(() -> await(clerk.multiStreamAppend(List.of(to(allowed, json("A")),
                to(guarded, json("B"))).iterator())))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(exists(allowed)).isFalse();
    }

    @Test
    void aUserWhoMayWriteEveryStreamOfTheSessionWritesThemAll() throws Exception {
        String first = newStream();
        String second = newStream();

        await(clerk.multiStreamAppend(List.of(to(first, json("A")), to(second, json("B"))).iterator()));

        assertThat(exists(first)).isTrue();
        assertThat(exists(second)).isTrue();
    }
}
