package com.paystream.sanctions.list;

/** Stream names of the private list streams. */
public final class SanctionsListStreams {
    public static final String CATEGORY = "sanctionslist";

    private SanctionsListStreams() {
    }

    public static String of(String listId) {
        if (listId.contains("-")) {
            throw new IllegalArgumentException("A list id has no '-': " + listId);
        }
        return CATEGORY + "-" + listId;
    }
}
