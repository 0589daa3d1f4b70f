package com.paystream.sanctions.matching;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.SanctionsMatch;
import com.paystream.events.SanctionsMatch.ScreenedParty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Screens a payment's originator and beneficiary names against every listed name and alias. For each party and
 * entry at most one match is reported: the listed name or alias that scored highest, when it reached the
 * threshold. Matches come ordered by score, highest first. Plain Java: no I/O, no clock.
 */
public final class PartyScreening {
    private final NameMatcher matcher;

    public PartyScreening(NameMatcher matcher) {
        this.matcher = matcher;
    }

    public List<SanctionsMatch> screen(InboundPaymentDetails payment, Collection<ListedEntry> list) {
        List<SanctionsMatch> matches = new ArrayList<>();
        matches.addAll(screen(ScreenedParty.ORIGINATOR, payment.originator().name(), list));
        matches.addAll(screen(ScreenedParty.BENEFICIARY, payment.beneficiary().name(), list));
        matches.sort(Comparator.comparingDouble(SanctionsMatch::score).reversed());
        return List.copyOf(matches);
    }

    public List<SanctionsMatch> screen(ScreenedParty party, String name, Collection<ListedEntry> list) {
        List<SanctionsMatch> matches = new ArrayList<>();
        for (ListedEntry entry : list) {
            NameMatch best = matcher.bestOf(name, entry.allNames());
            if (best.matched()) {
                matches.add(new SanctionsMatch(party, name, best.listedName(), entry.entryId(), best.score()));
            }
        }
        matches.sort(Comparator.comparingDouble(SanctionsMatch::score).reversed());
        return matches;
    }
}
