package com.paystream.emulator.streams;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.Acls;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.StreamMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamMetadataTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();

    private String streamWith(int count) throws Throwable {
        String stream = newStream("wallet");
        await(client.appendToStream(stream, numbered("Credited", count).iterator()));
        return stream;
    }

    private List<Long> revisions(String stream, ReadStreamOptions options) throws Exception {
        return await(client.readStream(stream, options)).getEvents().stream()
                .map(e -> e.getEvent().getRevision()).toList();
    }

    private void setMetadata(String stream, StreamMetadata metadata) throws Throwable {
        await(client.setStreamMetadata(stream, metadata));
    }

    @Test
    void aStreamWithoutMetadataReadsAsEmptyMetadata() throws Throwable {
        String stream = streamWith(1);

        assertThat(await(client.getStreamMetadata(stream))).isEqualTo(new StreamMetadata());
    }

    @Test
    void everySystemPropertyAndTheAclRoundTrip() throws Throwable {
        String stream = streamWith(1);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxAge(3600L);
        metadata.setCacheControl(15L);
        metadata.setTruncateBefore(0L);
        metadata.setMaxCount(12L);
        metadata.setAcl(Acls.newStreamAcl().addReadRoles("admin").addWriteRoles("ops").addDeleteRoles("admin")
                .addMetaReadRoles("admin").addMetaWriteRoles("admin"));

        setMetadata(stream, metadata);

        assertThat(await(client.getStreamMetadata(stream))).isEqualTo(metadata);
    }

    @Test
    void customPropertiesRoundTrip() throws Throwable {
        String stream = streamWith(1);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setCustomProperties(Map.of("tenant", "acme", "retentionDays", 30));

        setMetadata(stream, metadata);

        assertThat(await(client.getStreamMetadata(stream)).getCustomProperties())
                .containsEntry("tenant", "acme").containsEntry("retentionDays", 30);
    }

    @Test
    void theLatestMetadataWins() throws Throwable {
        String stream = streamWith(1);
        StreamMetadata first = new StreamMetadata();
        first.setMaxCount(5L);
        StreamMetadata second = new StreamMetadata();
        second.setMaxCount(7L);

        setMetadata(stream, first);
        setMetadata(stream, second);

        assertThat(await(client.getStreamMetadata(stream)).getMaxCount()).isEqualTo(7L);
    }

    @Test
    void maxCountKeepsOnlyTheNewestEventsVisible() throws Throwable {
        String stream = streamWith(5);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxCount(2L);

        setMetadata(stream, metadata);

        assertThat(revisions(stream, ReadStreamOptions.get())).containsExactly(3L, 4L);
        assertThat(revisions(stream, ReadStreamOptions.get().backwards().fromEnd())).containsExactly(4L, 3L);
    }

    @Test
    void truncateBeforeHidesEarlierRevisions() throws Throwable {
        String stream = streamWith(5);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setTruncateBefore(3L);

        setMetadata(stream, metadata);

        assertThat(revisions(stream, ReadStreamOptions.get())).containsExactly(3L, 4L);
        assertThat(revisions(stream, ReadStreamOptions.get().backwards().fromEnd())).containsExactly(4L, 3L);
    }

    @Test
    void maxAgeHidesEventsOlderThanIt() throws Throwable {
        String stream = streamWith(2);
        Thread.sleep(1_100);
        await(client.appendToStream(stream, numbered("Credited", 1).iterator()));
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxAge(1L);

        setMetadata(stream, metadata);

        assertThat(revisions(stream, ReadStreamOptions.get())).containsExactly(2L);
    }

    @Test
    void maxAgeLetsEventsExpireOverTime() throws Throwable {
        String stream = streamWith(1);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxAge(1L);
        setMetadata(stream, metadata);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> revisions(stream, ReadStreamOptions.get()).isEmpty());
    }

    @Test
    void removingMaxCountMakesEveryEventVisibleAgain() throws Throwable {
        String stream = streamWith(4);
        StreamMetadata limited = new StreamMetadata();
        limited.setMaxCount(1L);
        setMetadata(stream, limited);

        setMetadata(stream, new StreamMetadata());

        assertThat(revisions(stream, ReadStreamOptions.get())).containsExactly(0L, 1L, 2L, 3L);
    }
}
