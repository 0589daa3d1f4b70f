package com.paystream.scheme.bacsfile;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * A file is refused whole when it has any problem, yet it is streamed, never held: so it is read twice from a source
 * that can be opened again (a temporary file). The first reading checks everything and hands out nothing; only when
 * it found no problem does the second reading hand out the credits.
 */
public final class Standard18Ingest {
    /** Opens the same file from its start, each time it is asked. */
    public interface Source {
        Reader open() throws IOException;
    }

    private Standard18Ingest() {
    }

    /**
     * What to do with a file the first reading accepted: the consumer of its credits for the second reading, or null
     * not to read it again (e.g. a file already ingested).
     */
    public interface Acceptance {
        Consumer<Standard18Credit> accepted(InputReport report);
    }

    /** The report of the first reading; {@code credits} gets each credit only when that report accepts the file. */
    public static InputReport validateThenRead(Source file, Consumer<Standard18Credit> credits) throws IOException {
        return validateThenDecide(file, report -> credits);
    }

    /**
     * The report of the first reading; when it accepts the file, {@code acceptance} is told so before the second
     * reading and says who gets the credits.
     */
    public static InputReport validateThenDecide(Source file, Acceptance acceptance) throws IOException {
        InputReport report;
        try (Reader first = file.open()) {
            report = Standard18Reader.read(first, credit -> { });
        }
        if (!report.accepted()) {
            return report;
        }
        Consumer<Standard18Credit> credits = acceptance.accepted(report);
        if (credits == null) {
            return report;
        }
        try (Reader second = file.open()) {
            InputReport again = Standard18Reader.read(second, credits);
            if (!again.equals(report)) {
                throw new IllegalStateException("the file changed between its two readings");
            }
        }
        return report;
    }
}
