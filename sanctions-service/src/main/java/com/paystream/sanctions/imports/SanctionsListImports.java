package com.paystream.sanctions.imports;

import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.sanctions.list.SanctionsList;
import com.paystream.sanctions.list.SanctionsListCodec;
import com.paystream.sanctions.list.SanctionsListCommands;
import com.paystream.sanctions.list.SanctionsListEvent;
import com.paystream.sanctions.list.SanctionsListImported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports a publication of an official list into the list stream. The file is read whole first and refused whole
 * ({@link Refused}) when anything is wrong: nothing is written. Then the {@linkplain ListDelta delta} against what is
 * listed from that source now is written: the import record ({@link SanctionsListImported}, once per publication) and
 * one event per entry added, changed, removed.
 *
 * <p><b>Atomicity.</b> Every append expects the revision read (or the one the previous append left): a change to the
 * list in between makes the import fail with a conflict (409) instead of applying a delta computed against a list that
 * is gone. A delta of up to {@value #BATCH} events (every daily update) is one append: all or nothing. A larger one (a
 * first import of a whole list) is written in appends of {@value #BATCH} events, the import record in the first; if
 * it is interrupted between two, importing the same file again finishes it: the delta is computed against what is
 * listed then, so only what is missing is written, and the import record is not written again when it is the source's
 * last (RESUMED). A publication imported again after another one of its source is a new import, with its own record.
 */
@ApplicationScoped
public class SanctionsListImports {
    /** Events in one append (a store takes appends of about a megabyte; an entry event is well under a kilobyte). */
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(SanctionsListImports.class);

    @Inject
    EventStore store;
    @Inject
    SanctionsListCommands commands;
    @Inject
    Clock clock;

    public enum Outcome { IMPORTED, RESUMED, NO_CHANGES }

    /** What an import did. */
    public record Result(Outcome outcome, String source, String publicationId, LocalDate publishedOn, int entries,
                         int added, int changed, int removed) {
    }

    /** The file was refused whole: nothing was written. */
    public static final class Refused extends RuntimeException {
        private final transient OfficialList file;

        Refused(OfficialList file) {
            super("The " + file.format().id() + " file has " + file.problemCount() + " problem(s)");
            this.file = file;
        }

        public OfficialList file() {
            return file;
        }
    }

    /**
     * Reads {@code body} as a file of {@code format} and imports it for {@code officer}.
     *
     * @throws Refused when the file has any problem (nothing is written)
     * @throws com.paystream.infrastructure.store.RevisionConflictException when the list changed meanwhile
     */
    public Result importFile(ListFormat format, InputStream body, Caller officer, String correlationId) {
        OfficialList file = read(format, body);
        if (file.refused()) {
            throw new Refused(file);
        }
        String stream = commands.stream();
        LoadedStream<SanctionsListEvent> loaded = store.load(stream, SanctionsListCodec.INSTANCE);
        SanctionsList list = SanctionsList.of(loaded.payloads());
        ListDelta delta = ListDelta.of(file, list, clock.instant(), officer.subject(), officer.name());
        String publicationId = file.publicationId();
        if (delta.empty()) {
            return result(Outcome.NO_CHANGES, file, new ListDelta(List.of(), List.of(), List.of()));
        }
        boolean resumed = list.lastImported(format.id()).filter(publicationId::equals).isPresent();
        List<SanctionsListEvent> events = new ArrayList<>(delta.events().size() + 1);
        if (!resumed) {
            events.add(new SanctionsListImported(format.id(), publicationId, file.publishedOn(), file.sha256(),
                    file.entries().size(), delta.added().size(), delta.removed().size(), delta.changed().size(),
                    clock.instant(), officer.subject(), officer.name()));
        }
        events.addAll(delta.events());
        Expected expected = loaded.expected();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<SanctionsListEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            Causation cause = Causation.command("import-sanctions-list:" + publicationId + ":" + expected,
                    correlationId);
            AppendResult appended = store.append(stream, expected, cause, batch, SanctionsListCodec.INSTANCE);
            expected = Expected.at(appended.nextExpectedRevision());
        }
        Result result = result(resumed ? Outcome.RESUMED : Outcome.IMPORTED, file, delta);
        LOG.infof("Imported %s: %d added, %d changed, %d removed (%s)", publicationId, result.added(),
                result.changed(), result.removed(), result.outcome());
        return result;
    }

    private static Result result(Outcome outcome, OfficialList file, ListDelta delta) {
        return new Result(outcome, file.format().id(), file.publicationId(), file.publishedOn(),
                file.entries().size(), delta.added().size(), delta.changed().size(), delta.removed().size());
    }

    /** Reads the whole body, the file's SHA-256 taken on the way. */
    static OfficialList read(ListFormat format, InputStream body) {
        MessageDigest digest = sha256();
        try (DigestInputStream in = new DigestInputStream(body, digest)) {
            // the XML reader closes what it reads at its end: the rest (after the root) is read here for the digest
            OfficialList file = format.read(new FilterInputStream(in) {
                @Override
                public void close() {
                    // left open for the digest
                }
            });
            in.transferTo(OutputStream.nullOutputStream());
            return file.withSha256(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
