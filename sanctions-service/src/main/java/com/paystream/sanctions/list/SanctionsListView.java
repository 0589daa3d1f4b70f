package com.paystream.sanctions.list;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelRunner;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.readmodel.ReadModelStatus;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.sanctions.config.SanctionsConfig;
import com.paystream.sanctions.matching.ListedEntry;
import com.paystream.sanctions.matching.ListedNameIndex;
import com.paystream.sanctions.matching.NameMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list as screening and {@code GET /sanctioned-names} see it: a read model folded in memory from
 * {@code sanctionslist-{listId}}, rebuilt from the start on every start (a list is small).
 *
 * <p>Beside the list it keeps the {@linkplain #index() index screening selects candidates with}, updated with each
 * entry added or removed.
 *
 * <p>It {@linkplain #stopsAtAnUnreadableEvent() stops at an event it cannot read} (readiness DOWN with the reason)
 * rather than going past it: screening against a list with an entry missing would clear a payment it should hold.
 */
@ApplicationScoped
public class SanctionsListView implements ReadModel<SanctionsListEvent> {
    public static final String NAME = "sanctionslist";

    private final ReadModelSource source;
    private final Instance<ReadModelRunner> runner;
    private final ListedNameIndex index;

    // the builder is written on the read model's thread; the snapshot is taken when read after a change (an import
    // of tens of thousands of entries is folded without copying the list for each entry)
    private final Object lock = new Object();
    private SanctionsList.Builder builder = new SanctionsList.Builder();
    private SanctionsList snapshot = SanctionsList.empty();
    private boolean changed;
    /** The revision at which each listed entry was added or last changed. */
    private final Map<String, Long> entryRevisions = new HashMap<>();
    private volatile long revision = -1;

    @Inject
    public SanctionsListView(SanctionsConfig config, Instance<ReadModelRunner> runner, NameMatcher matcher) {
        this.source = ReadModelSource.stream(SanctionsListStreams.of(config.listId()));
        this.runner = runner;
        this.index = new ListedNameIndex(matcher);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadModelSource source() {
        return source;
    }

    @Override
    public EventRegistry<SanctionsListEvent> events() {
        return SanctionsListCodec.registry();
    }

    @Override
    public void apply(SanctionsListEvent event, EventContext context) {
        synchronized (lock) {
            builder.apply(event);
            if (event instanceof SanctionedNameAdded added) {
                entryRevisions.put(added.entryId(), context.revision());
            } else if (event instanceof SanctionedNameChanged nameChanged) {
                entryRevisions.put(nameChanged.entryId(), context.revision());
            } else if (event instanceof SanctionedNameRemoved removed) {
                entryRevisions.remove(removed.entryId());
            }
            indexEntry(event);
            changed = true;
            revision = context.revision();
        }
    }

    /**
     * Keeps the screening index as the list, once the builder has the event: an entry added or changed is indexed
     * under its names now (a change to an entry that is not listed changes nothing), one removed leaves the index.
     */
    private void indexEntry(SanctionsListEvent event) {
        if (event instanceof SanctionedNameAdded added) {
            indexListed(added.entryId());
        } else if (event instanceof SanctionedNameChanged changedEntry) {
            indexListed(changedEntry.entryId());
        } else if (event instanceof SanctionedNameRemoved removed) {
            index.remove(removed.entryId());
        }
    }

    private void indexListed(String entryId) {
        builder.entry(entryId).ifPresent(entry ->
                index.add(new ListedEntry(entry.entryId(), entry.name(), entry.aliases())));
    }

    @Override
    public void reset() {
        synchronized (lock) {
            builder = new SanctionsList.Builder();
            snapshot = SanctionsList.empty();
            entryRevisions.clear();
            index.clear();
            changed = false;
            revision = -1;
        }
    }

    @Override
    public boolean stopsAtAnUnreadableEvent() {
        return true;
    }

    public SanctionsList list() {
        synchronized (lock) {
            if (changed) {
                snapshot = builder.build();
                changed = false;
            }
            return snapshot;
        }
    }

    /**
     * The entries added or changed after {@code afterRevision}, with the list's revision they were read at (one
     * consistent view): what a payment screened at {@code afterRevision} was not screened against.
     */
    public Newer addedOrChangedAfter(long afterRevision) {
        synchronized (lock) {
            List<SanctionedNameAdded> newer = list().entries().stream()
                    .filter(entry -> entryRevisions.getOrDefault(entry.entryId(), -1L) > afterRevision).toList();
            return new Newer(newer, revision);
        }
    }

    /** Entries added or changed after a revision, read at {@code revision}. */
    public record Newer(List<SanctionedNameAdded> entries, long revision) {
    }

    public List<SanctionedNameAdded> entries() {
        return List.copyOf(list().entries());
    }

    /** The entries listed now, indexed for screening. */
    public ListedNameIndex index() {
        return index;
    }

    /** The last revision of the list stream applied (-1: none). */
    public long revision() {
        return revision;
    }

    public boolean caughtUp() {
        return status().healthy();
    }

    public String failure() {
        return status().failure();
    }

    private ReadModelStatus status() {
        return runner.get().status(NAME);
    }
}
