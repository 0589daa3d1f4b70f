package com.paystream.emulator.persistent;

import com.paystream.emulator.grpc.EventFilter;
import com.paystream.emulator.store.CommittedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.store.StreamRead;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a group's events come from, read forwards from a sequence number: the revision for a stream, the commit
 * position for {@code $all}. A group keeps only a cursor into its source, never a copy of the history.
 */
interface Source {

    /** One event read from the source, with the sequence number it has there. */
    record Item(long seq, ResolvedEvent event) {
    }

    /** Items read, and the sequence number to read from next (past everything scanned, matching or not). */
    record Batch(List<Item> items, long next) {
    }

    Batch read(long from, int max);

    /** The sequence number as GetInfo shows it: a revision, or {@code C:commit/P:prepare}. */
    String format(long seq);

    static Source of(StreamDatabase store, GroupDefinition definition) {
        if (!definition.isAll()) {
            return new StreamSource(store, definition.stream(), definition.settings().resolveLinks());
        }
        EventFilter filter = definition.filter() == null ? EventFilter.NONE : definition.filter().toFilter();
        String ownStreams = "$persistentsubscription-$all::" + definition.group() + "-";
        return new AllSource(store, filter, definition.settings().resolveLinks(), ownStreams);
    }

    /** A stream, links resolved on request; a missing or deleted stream just has nothing (yet). */
    record StreamSource(StreamDatabase store, String stream, boolean resolveLinks) implements Source {
        @Override
        public Batch read(long from, int max) {
            StreamRead read = store.readStream(stream, Math.max(0, from), true, max, resolveLinks);
            if (!(read instanceof StreamRead.Events events) || events.events().isEmpty()) {
                return new Batch(List.of(), from);
            }
            List<Item> items = new ArrayList<>(events.events().size());
            for (ResolvedEvent event : events.events()) {
                items.add(new Item(event.original().revision(), event));
            }
            return new Batch(items, items.get(items.size() - 1).seq() + 1);
        }

        @Override
        public String format(long seq) {
            return Long.toString(seq);
        }
    }

    /**
     * {@code $all}, system events included, through the group's filter. The group's own checkpoint and parked
     * streams are left out, so a group never feeds on its own bookkeeping.
     */
    record AllSource(StreamDatabase store, EventFilter filter, boolean resolveLinks, String ownStreams)
            implements Source {
        private static final int MAX_SCAN = 4096;

        @Override
        public Batch read(long from, int max) {
            int index = store.allIndexAtOrAfter(from);
            int size = store.allSize();
            List<Item> items = new ArrayList<>();
            long next = from;
            for (int scanned = 0; index < size && scanned < MAX_SCAN && items.size() < max; index++, scanned++) {
                CommittedEvent event = store.allAt(index);
                next = event.position() + 1;
                if (event.stream().startsWith(ownStreams) || !filter.test(event)) {
                    continue;
                }
                ResolvedEvent resolved = resolveLinks ? store.resolve(event) : new ResolvedEvent(event, null);
                items.add(new Item(event.position(), resolved));
            }
            return new Batch(items, next);
        }

        @Override
        public String format(long seq) {
            return "C:" + seq + "/P:" + seq;
        }
    }
}
