package com.paystream.sanctions.matching;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.SanctionsMatch;
import com.paystream.events.SanctionsMatch.ScreenedParty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Screens a payment's originator and beneficiary names against every listed name and alias, or, through a
 * {@link ListedNameIndex}, against the entries that could match (with the same matches). For each party and
 * entry at most one match is reported: the listed name or alias that scored highest, when it reached the
 * threshold. Matches come ordered by score, highest first. Plain Java: no I/O, no clock.
 */
public final class PartyScreening {
    private final NameMatcher matcher;

    public PartyScreening(NameMatcher matcher) {
        this.matcher = matcher;
    }

    /** Screens both parties against the entries the index selects for each: the matches of a full scan. */
    public List<SanctionsMatch> screen(InboundPaymentDetails payment, ListedNameIndex index) {
        List<SanctionsMatch> matches = new ArrayList<>();
        matches.addAll(screen(ScreenedParty.ORIGINATOR, payment.originator().name(), index));
        matches.addAll(screen(ScreenedParty.BENEFICIARY, payment.beneficiary().name(), index));
        return byScore(matches);
    }

    /** Screens one party against the entries the index selects: the matches of a full scan. */
    public List<SanctionsMatch> screen(ScreenedParty party, String name, ListedNameIndex index) {
        NameMatcher.Screened screened = matcher.screened(name);
        List<SanctionsMatch> matches = new ArrayList<>();
        for (ListedNameIndex.Candidate candidate : index.candidates(name)) {
            NameMatch best = screened.bestOf(candidate.names(), candidate.normalised());
            if (best.matched()) {
                matches.add(new SanctionsMatch(party, name, best.listedName(), candidate.entry().entryId(),
                        best.score()));
            }
        }
        return byScore(matches);
    }

    /** Screens both parties against every entry. */
    public List<SanctionsMatch> screen(InboundPaymentDetails payment, Collection<ListedEntry> list) {
        List<SanctionsMatch> matches = new ArrayList<>();
        matches.addAll(screen(ScreenedParty.ORIGINATOR, payment.originator().name(), list));
        matches.addAll(screen(ScreenedParty.BENEFICIARY, payment.beneficiary().name(), list));
        return byScore(matches);
    }

    /** Screens one party against every entry. */
    public List<SanctionsMatch> screen(ScreenedParty party, String name, Collection<ListedEntry> list) {
        List<SanctionsMatch> matches = new ArrayList<>();
        for (ListedEntry entry : list) {
            NameMatch best = matcher.bestOf(name, entry.allNames());
            if (best.matched()) {
                matches.add(new SanctionsMatch(party, name, best.listedName(), entry.entryId(), best.score()));
            }
        }
        return byScore(matches);
    }

    private static List<SanctionsMatch> byScore(List<SanctionsMatch> matches) {
        matches.sort(Comparator.comparingDouble(SanctionsMatch::score).reversed());
        return List.copyOf(matches);
    }
}
