package com.paystream.sanctions.list;

import com.fasterxml.jackson.core.type.TypeReference;
import com.paystream.events.EventJson;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.sanctions.config.SanctionsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Start-up step (with {@code sanctions.seed-list=true}): when the list stream does not exist yet, appends the
 * FICTITIOUS entries of {@code sanctions/seed-list.json} in one append expecting no stream. Idempotent: entry ids
 * and event ids are fixed by the file, a list that exists (seeded or not) is left alone, and two instances starting
 * together write it once (the loser sees a revision conflict and moves on).
 */
@ApplicationScoped
public class SeedSanctionsList {
    static final String RESOURCE = "sanctions/seed-list.json";
    /** Fixed: the seed's causation, so its event ids are the same on every run. */
    static final String SEED_COMMAND_ID = "seed-sanctions-list:v1";
    /** Who the seed list's entries say added them (as id and as name). */
    static final String SEEDED_BY = "seed";
    private static final Logger LOG = Logger.getLogger(SeedSanctionsList.class);

    /** One entry of the seed file. */
    record SeedEntry(String entryId, String name, List<String> aliases, LocalDate dateOfBirth, String country,
                     String listReference, Instant addedAt) {
    }

    @Inject
    EventStore store;
    @Inject
    SanctionsConfig config;

    void onStart(@Observes StartupEvent event) {
        if (!config.seedList()) {
            LOG.info("Seeding the sanctions list is off (sanctions.seed-list=false)");
            return;
        }
        try {
            seed();
        } catch (RuntimeException e) {
            LOG.warnf("Could not seed the sanctions list now (%s); it is tried again on the next start",
                    e.getMessage());
        }
    }

    /** @return whether it appended the seed */
    public boolean seed() {
        String stream = SanctionsListStreams.of(config.listId());
        LoadedStream<SanctionsListEvent> loaded = store.load(stream, SanctionsListCodec.INSTANCE);
        if (loaded.exists()) {
            LOG.debugf("%s exists: not seeding", stream);
            return false;
        }
        List<SanctionsListEvent> events = seedEvents();
        try {
            store.append(stream, loaded.expected(), Causation.command(SEED_COMMAND_ID, SEED_COMMAND_ID),
                    events, SanctionsListCodec.INSTANCE);
            LOG.infof("Seeded %s with %d fictitious entries", stream, events.size());
            return true;
        } catch (RevisionConflictException e) {
            LOG.infof("%s was written meanwhile: not seeding", stream);
            return false;
        }
    }

    static List<SanctionsListEvent> seedEvents() {
        try (InputStream in = SeedSanctionsList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the class path");
            }
            List<SeedEntry> entries = EventJson.mapper().readValue(in, new TypeReference<List<SeedEntry>>() {
            });
            return entries.stream().<SanctionsListEvent>map(e -> new SanctionedNameAdded(e.entryId(), e.name(),
                    e.aliases(), e.dateOfBirth(), e.country(), e.listReference(), e.addedAt(), SEEDED_BY, SEEDED_BY))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
