package com.paystream.events;

import java.util.Objects;

/**
 * One hit of a screened name against the sanctioned-names list. {@code score} is a similarity in [0, 1] (not money).
 */
public record SanctionsMatch(
        ScreenedParty party,
        String screenedName,
        String listedName,
        String listEntryId,
        double score) {

    public SanctionsMatch {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(screenedName, "screenedName");
        Objects.requireNonNull(listedName, "listedName");
        Objects.requireNonNull(listEntryId, "listEntryId");
    }

    public enum ScreenedParty {
        ORIGINATOR, BENEFICIARY
    }
}
