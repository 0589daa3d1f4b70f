package com.paystream.sanctions.imports;

import java.util.ArrayList;
import java.util.List;

/** The problems found in a file: the first {@value #LISTED} kept, all counted. */
final class Problems {
    static final int LISTED = 100;
    private final List<FileProblem> listed = new ArrayList<>();
    private long count;

    void add(long line, String entry, String reason) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(new FileProblem(line, entry, reason));
        }
    }

    List<FileProblem> listed() {
        return List.copyOf(listed);
    }

    long count() {
        return count;
    }
}
