package com.paystream.emulator.persistent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.emulator.store.AppendOutcome;
import com.paystream.emulator.store.CommittedEvent;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.store.StreamRead;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A group's parked stream: parking a message (a link to it, with the reason), replaying the parked ones, and
 * truncating the stream over the replays that are finished.
 *
 * <p>A parked message stays in the parked stream until its replay is finished (acked, skipped, or parked again, which
 * writes a new parked link first); the stream is truncated ({@code $tb}) only over the contiguous prefix of finished
 * replays. So a restart, of the subsystem or of the emulator, leaves every unfinished replay parked, for a new
 * ReplayParked to redeliver.
 *
 * <p>No locking of its own: every call comes from its {@link SubscriptionGroup} under the group's lock, which guards
 * all the fields here.
 */
final class ParkedMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StreamDatabase store;
    private final String stream;
    /** Parked revisions below this are finished; the parked stream is (or is about to be) truncated before it. */
    private long floor;
    /** The last {@code $tb} written to (or found on) the parked stream. */
    private long truncatedTo;
    /** Next parked revision to read for the replay under way, and where that replay stops (exclusive). */
    private long cursor;
    private long stop;
    /** Replayed messages read and waiting for a consumer. */
    private final ArrayDeque<Message> queued = new ArrayDeque<>();
    /** Parked revisions read for replay and not finished yet: queued, retried or in flight. */
    private final TreeSet<Long> replaying = new TreeSet<>();
    /** Parked revisions at or above {@link #floor} whose replay is finished (acked out of order). */
    private final TreeSet<Long> finished = new TreeSet<>();

    ParkedMessages(StreamDatabase store, String stream) {
        this.store = store;
        this.stream = stream;
        this.floor = firstParked();
        this.truncatedTo = floor;
        this.cursor = floor;
        this.stop = floor;
    }

    String stream() {
        return stream;
    }

    /** Writes a link to the message's event, with the reason, to the parked stream; one write per park. */
    CompletableFuture<AppendOutcome> park(Message message, String reason) {
        CommittedEvent target = message.event.event();
        // a replayed link whose original is gone is delivered unresolved: park what it pointed at, not the link
        CommittedEvent.LinkTarget dangling = message.replayed && message.event.link() == null ? target.linkTarget()
                : null;
        String pointer = dangling != null ? dangling.revision() + "@" + dangling.stream()
                : target.revision() + "@" + target.stream();
        ObjectNode metadata = MAPPER.createObjectNode();
        metadata.put("$causedBy", target.id().toString());
        metadata.put("reason", reason);
        metadata.put("added", Instant.now().toString());
        metadata.put("subscriptionEventNumber", message.seq);
        metadata.put("retryCount", message.retryCount);
        byte[] data = pointer.getBytes(StandardCharsets.UTF_8);
        byte[] meta = metadata.toString().getBytes(StandardCharsets.UTF_8);
        return store.append(stream, ExpectedRevision.ANY,
                List.of(new ProposedEvent(StreamDatabase.newEventId(), CommittedEvent.LINK_TYPE, false, data, meta)));
    }

    /**
     * Extends the replay to {@code stopAt} (exclusive, a revision of the parked stream; the current end when
     * {@code null}); {@code true} when there is more to replay than before.
     */
    boolean replayTo(Long stopAt) {
        long end = store.lastRevision(stream) + 1;
        long to = stopAt == null ? end : Math.min(Math.max(stopAt, 0), end);
        if (to <= stop) {
            return false;
        }
        stop = to;
        return true;
    }

    /** Forgets the replay under way (the subsystem restarted): what it had not finished is simply parked again. */
    void stopReplay() {
        queued.clear();
        replaying.clear();
        cursor = floor;
        stop = floor;
    }

    /** Forgets every replay (the group is deleted). */
    void clear() {
        queued.clear();
        replaying.clear();
        finished.clear();
    }

    /**
     * The replayed messages waiting for a consumer, in order; when none is waiting, the next batch of the replay is
     * read first (as resolved links), passing over those already finished. The group takes them from the head.
     */
    ArrayDeque<Message> queue(int batch) {
        while (queued.isEmpty() && cursor < stop) {
            long from = Math.max(cursor, floor);
            long next = stop; // nothing (more) to read: the replay is over
            if (from < stop) {
                StreamRead read = store.readStream(stream, from, true, Math.min(batch, stop - from), false);
                if (read instanceof StreamRead.Events events && !events.events().isEmpty()) {
                    for (ResolvedEvent parked : events.events()) {
                        long revision = parked.event().revision();
                        if (revision >= stop) {
                            break;
                        }
                        next = revision + 1;
                        if (!finished.contains(revision) && replaying.add(revision)) {
                            queued.addLast(new Message(revision, store.resolve(parked.event()), true));
                        }
                    }
                }
            }
            cursor = next;
        }
        return queued;
    }

    /** How many replayed messages wait for a consumer. */
    int queuedCount() {
        return queued.size();
    }

    /** A replayed message is acked, skipped or parked again: the floor moves over the finished prefix. */
    void finish(long revision) {
        replaying.remove(revision);
        if (revision < floor) {
            return;
        }
        finished.add(revision);
        while (finished.remove(floor)) {
            floor++;
        }
    }

    /**
     * Truncates the parked stream before the floor, when it moved. As the real server, the metadata written holds the
     * {@code $tb} and an ACL of {@code $admins} for everything: whatever ACL the stream had before is replaced.
     */
    void truncate() {
        if (floor <= truncatedTo) {
            return;
        }
        truncatedTo = floor;
        store.appendMetadata(stream, "{\"$tb\":" + floor + ",\"$acl\":{\"$r\":\"$admins\",\"$w\":\"$admins\","
                + "\"$d\":\"$admins\",\"$mr\":\"$admins\",\"$mw\":\"$admins\"}}");
    }

    /** What the parked stream holds past its truncation point, less the replays finished out of order. */
    long count() {
        return Math.max(0, store.lastRevision(stream) + 1 - floor - finished.size());
    }

    /** The first revision still in the parked stream (after its truncation point), or its end when it is empty. */
    private long firstParked() {
        StreamRead read = store.readStream(stream, 0, true, 1, false);
        if (read instanceof StreamRead.Events events && !events.events().isEmpty()) {
            return events.events().get(0).event().revision();
        }
        return store.lastRevision(stream) + 1;
    }
}
