package com.paystream.sanctions.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The problems found in a file: the first {@value #LISTED} kept, all counted; and the entry ids seen in it. */
final class Problems {
    static final int LISTED = 100;
    private final List<FileProblem> listed = new ArrayList<>();
    private final Map<String, Long> idsSeen = new HashMap<>();
    private long count;

    void add(long line, String entry, String reason) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(new FileProblem(line, entry, reason));
        }
    }

    /**
     * Checks an entry's id ({@code idName}, e.g. {@code uid}, as the format names it): a problem when it is missing
     * ({@code entryName} names the entry element) or was seen before (naming the line where it was first).
     */
    void idOnce(String idName, String entryName, String id, long line) {
        if (id == null) {
            add(line, null, "A <" + entryName + "> has no " + idName);
            return;
        }
        Long first = idsSeen.putIfAbsent(id, line);
        if (first != null) {
            add(line, id, idName + " " + id + " appears twice (first at line " + first + ")");
        }
    }

    List<FileProblem> listed() {
        return List.copyOf(listed);
    }

    long count() {
        return count;
    }
}
