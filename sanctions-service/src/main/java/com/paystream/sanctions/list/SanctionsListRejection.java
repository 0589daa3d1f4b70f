package com.paystream.sanctions.list;

/** A command the list refuses. Each kind names its rule; the HTTP layer maps them to 409 / 404. */
public abstract sealed class SanctionsListRejection extends RuntimeException {
    SanctionsListRejection(String message) {
        super(message);
    }

    /** The same name with the same date of birth is listed already. */
    public static final class AlreadyListed extends SanctionsListRejection {
        private final String existingEntryId;

        AlreadyListed(String name, String existingEntryId) {
            super("'" + name + "' with this date of birth is listed already as entry " + existingEntryId);
            this.existingEntryId = existingEntryId;
        }

        public String existingEntryId() {
            return existingEntryId;
        }
    }

    /** No entry with this id is listed (never was, or removed). */
    public static final class UnknownEntry extends SanctionsListRejection {
        UnknownEntry(String entryId) {
            super("No sanctioned name with entry id " + entryId + " is listed");
        }
    }
}
