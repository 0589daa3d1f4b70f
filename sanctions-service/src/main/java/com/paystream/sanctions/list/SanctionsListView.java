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

import java.util.List;

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

    // written on the read model's thread only
    private volatile SanctionsList list = SanctionsList.empty();
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
        list = list.evolve(event);
        indexEntry(event);
        revision = context.revision();
    }

    /** Keeps the screening index as the list: every event that adds, changes or removes an entry goes to it. */
    private void indexEntry(SanctionsListEvent event) {
        if (event instanceof SanctionedNameAdded added) {
            index.add(new ListedEntry(added.entryId(), added.name(), added.aliases()));
        } else if (event instanceof SanctionedNameRemoved removed) {
            index.remove(removed.entryId());
        }
    }

    @Override
    public void reset() {
        list = SanctionsList.empty();
        index.clear();
        revision = -1;
    }

    @Override
    public boolean stopsAtAnUnreadableEvent() {
        return true;
    }

    public SanctionsList list() {
        return list;
    }

    public List<SanctionedNameAdded> entries() {
        return List.copyOf(list.entries());
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
