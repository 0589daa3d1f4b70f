package com.paystream.simulator.files;

import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Hands out volume serial numbers, each once, for good: the n-th is the n-th event of {@code schemefileserials},
 * written at the revision it expects, so two at once (or a restart) never get the same one. Six digits, from 000001.
 */
@ApplicationScoped
public class FileSerials {
    private static final int ATTEMPTS = 20;

    @Inject
    EventStore store;
    @Inject
    Clock clock;

    public String next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<StoredEvent<SchemeFileEvent>> last = store.readBackwardsFromEnd(SchemeFiles.SERIALS,
                    SchemeFiles.CODEC, 1);
            long revision = last.isEmpty() ? -1 : last.get(0).revision();
            String serial = String.format(Locale.ROOT, "%06d", revision + 2);
            try {
                store.append(SchemeFiles.SERIALS, last.isEmpty() ? Expected.noStream() : Expected.at(revision),
                        Causation.command("file-serial:" + serial, UUID.randomUUID().toString()).unique(),
                        List.of(new SchemeFileSerialTaken(serial, clock.instant())), SchemeFiles.CODEC);
                return serial;
            } catch (RevisionConflictException taken) {
                // another file took it: the next one
            }
        }
        throw new IllegalStateException("No serial number could be taken after " + ATTEMPTS + " attempts");
    }
}
