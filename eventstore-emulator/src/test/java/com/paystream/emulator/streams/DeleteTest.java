package com.paystream.emulator.streams;

import com.paystream.emulator.EmulatorExtension;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.DeleteResult;
import io.kurrent.dbclient.DeleteStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.StreamDeletedException;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static com.paystream.emulator.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeleteTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBClient client = emulator.client();

    private String streamWith(int count) throws Throwable {
        String stream = newStream("account");
        await(client.appendToStream(stream, numbered("Opened", count).iterator()));
        return stream;
    }

    private List<Long> revisions(String stream) throws Throwable {
        return await(client.readStream(stream, ReadStreamOptions.get())).getEvents().stream()
                .map(e -> e.getEvent().getRevision()).toList();
    }

    @Test
    void aSoftDeletedStreamReadsAsNotFound() throws Throwable {
        String stream = streamWith(2);

        await(client.deleteStream(stream));

        assertThatThrownBy(() -> revisions(stream)).isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void appendingToASoftDeletedStreamContinuesTheNumbering() throws Throwable {
        String stream = streamWith(2);
        await(client.deleteStream(stream));

        WriteResult result = await(client.appendToStream(stream, json("Reopened")));

        assertThat(result.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(2));
        assertThat(revisions(stream)).containsExactly(2L);
    }

    @Test
    void aSoftDeletedStreamCanBeRecreatedWithExpectedNoStream() throws Throwable {
        String stream = streamWith(1);
        await(client.deleteStream(stream));

        WriteResult result = await(client.appendToStream(stream,
                AppendToStreamOptions.get().streamState(StreamState.noStream()), json("A"), json("B")));

        assertThat(result.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(2));
    }

    @Test
    void onlyTheFirstWriteRecreatesASoftDeletedStreamWithExpectedNoStream() throws Throwable {
        String stream = streamWith(1);
        await(client.deleteStream(stream));
        AppendToStreamOptions noStream = AppendToStreamOptions.get().streamState(StreamState.noStream());
        await(client.appendToStream(stream, noStream, json("A")));

        assertThatThrownBy(() -> await(client.appendToStream(stream, noStream, json("B"))))
                .isInstanceOf(WrongExpectedVersionException.class);
    }

    @Test
    void recreatingASoftDeletedStreamKeepsItsMetadataAndTruncatesBeforeTheNewEvents() throws Throwable {
        String stream = streamWith(2);
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxCount(100L);
        metadata.setCustomProperties(Map.of("owner", "payments"));
        await(client.setStreamMetadata(stream, metadata));
        await(client.deleteStream(stream));

        await(client.appendToStream(stream, json("Reopened")));

        StreamMetadata after = await(client.getStreamMetadata(stream));
        assertThat(after.getMaxCount()).isEqualTo(100L);
        assertThat(after.getTruncateBefore()).isEqualTo(2L);
        assertThat(after.getCustomProperties()).containsEntry("owner", "payments");
    }

    @Test
    void deleteResultsCarryAPositionInAll() throws Throwable {
        String stream = streamWith(1);
        WriteResult appended = await(client.appendToStream(stream, json("B")));

        DeleteResult deleted = await(client.deleteStream(stream));

        assertThat(deleted.getPosition().getCommitUnsigned())
                .isGreaterThan(appended.getLogPosition().getCommitUnsigned());
    }

    @Test
    void tombstoneResultsCarryAPositionInAll() throws Throwable {
        String stream = streamWith(1);
        WriteResult appended = await(client.appendToStream(stream, json("B")));

        DeleteResult deleted = await(client.tombstoneStream(stream));

        assertThat(deleted.getPosition().getCommitUnsigned())
                .isGreaterThan(appended.getLogPosition().getCommitUnsigned());
    }

    @Test
    void aTombstonedStreamFailsReadsWithTheStreamDeletedError() throws Throwable {
        String stream = streamWith(1);

        await(client.tombstoneStream(stream));

        assertThatThrownBy(() -> revisions(stream)).satisfies(StreamDeletedError::assertStreamDeleted);
    }

    @Test
    void aSecondTombstoneFailsWithStreamDeleted() throws Throwable {
        String stream = streamWith(1);
        await(client.tombstoneStream(stream));

        assertThatThrownBy(() -> await(client.tombstoneStream(stream))).isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void softDeletingATombstonedStreamFailsWithStreamDeleted() throws Throwable {
        String stream = streamWith(1);
        await(client.tombstoneStream(stream));

        assertThatThrownBy(() -> await(client.deleteStream(stream))).isInstanceOf(StreamDeletedException.class);
    }

    @Test
    void deletingWithAStaleRevisionFailsWithTheExpectedAndActualRevisions() throws Throwable {
        String stream = streamWith(3);

        assertThatThrownBy(() -> await(client.deleteStream(stream,
                DeleteStreamOptions.get().streamState(StreamState.streamRevision(1)))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getStreamName()).isEqualTo(stream);
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamRevision(1));
                    assertThat(e.getActualState()).isEqualTo(StreamState.streamRevision(2));
                });
        assertThat(revisions(stream)).hasSize(3);
    }

    @Test
    void deletingWithTheCurrentRevisionSucceeds() throws Throwable {
        String stream = streamWith(3);

        await(client.deleteStream(stream,
                DeleteStreamOptions.get().streamState(StreamState.streamRevision(2))));

        assertThatThrownBy(() -> revisions(stream)).isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void tombstoningAMissingStreamThatIsExpectedToExistFailsWithWrongExpectedVersion() {
        String stream = newStream("account");

        assertThatThrownBy(() -> await(client.tombstoneStream(stream,
                DeleteStreamOptions.get().streamState(StreamState.streamExists()))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamExists());
                    assertThat(e.getActualState()).isEqualTo(StreamState.noStream());
                });
    }

    @Test
    void tombstoningAStreamWithAStaleRevisionFailsWithWrongExpectedVersion() throws Throwable {
        String stream = streamWith(2);

        assertThatThrownBy(() -> await(client.tombstoneStream(stream,
                DeleteStreamOptions.get().streamState(StreamState.streamRevision(0)))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        e -> assertThat(e.getActualState()).isEqualTo(StreamState.streamRevision(1)));
        assertThat(revisions(stream)).hasSize(2);
    }

    @Test
    void theMetadataOfASoftDeletedStreamCanStillBeRead() throws Throwable {
        String stream = streamWith(1);
        await(client.deleteStream(stream));

        StreamMetadata metadata = await(client.getStreamMetadata(stream));

        assertThat(metadata.getTruncateBefore()).isEqualTo(Long.MAX_VALUE);
    }
}
