package com.paystream.sanctions.imports;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * A list file read whole: its publication (format, date in its header, SHA-256 of its bytes, null until read to the end) and its entries in file
 * order, or, when anything is wrong, the problems that refuse it (the first {@value Problems#LISTED}, and how many in
 * all).
 */
public record OfficialList(ListFormat format, LocalDate publishedOn, String sha256, List<OfficialEntry> entries,
                           List<FileProblem> problems, long problemCount) {
    /** A refused file has no entries: nothing of it is ever half-used. */
    public OfficialList {
        entries = problemCount > 0 ? List.of() : List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    OfficialList(ListFormat format, LocalDate publishedOn, Collection<OfficialEntry> entries, Problems problems) {
        this(format, publishedOn, null, List.copyOf(entries), problems.listed(), problems.count());
    }

    /** The same, with the SHA-256 of the file's bytes (known once they are all read). */
    OfficialList withSha256(String sha256) {
        return new OfficialList(format, publishedOn, sha256, entries, problems, problemCount);
    }

    public boolean refused() {
        return problemCount > 0;
    }

    /** {@code format:publishedOn:} and the first 16 hex digits of the file's SHA-256. */
    public String publicationId() {
        return format.id() + ":" + publishedOn + ":" + sha256.substring(0, 16);
    }
}
