package com.paystream.sanctions.list;

import com.paystream.infrastructure.problem.NotFoundProblem;
import com.paystream.infrastructure.problem.RuleViolation;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.sanctions.config.SanctionsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Loads the list, decides, appends with the revision read. Rejections become problems (409 / 404). */
@ApplicationScoped
public class SanctionsListCommands {
    private final EventStore store;
    private final String stream;

    @Inject
    public SanctionsListCommands(EventStore store, SanctionsConfig config) {
        this.store = store;
        this.stream = SanctionsListStreams.of(config.listId());
    }

    public String stream() {
        return stream;
    }

    public AppendResult handle(SanctionsListCommand command, Causation cause) {
        LoadedStream<SanctionsListEvent> loaded = store.load(stream, SanctionsListCodec.INSTANCE);
        List<SanctionsListEvent> events;
        try {
            events = SanctionsListDecider.decide(command, SanctionsList.of(loaded.payloads()));
        } catch (SanctionsListRejection.AlreadyListed e) {
            throw new RuleViolation("sanctioned-name-already-listed", "Sanctioned name already listed",
                    e.getMessage());
        } catch (SanctionsListRejection.UnknownEntry e) {
            throw new NotFoundProblem(e.getMessage());
        }
        return store.append(stream, loaded.expected(), cause, events, SanctionsListCodec.INSTANCE);
    }
}
