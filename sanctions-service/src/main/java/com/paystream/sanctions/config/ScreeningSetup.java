package com.paystream.sanctions.config;

import com.paystream.sanctions.matching.NameMatcher;
import com.paystream.sanctions.matching.PartyScreening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the plain-Java screening available as beans, with the configured threshold. */
@ApplicationScoped
public class ScreeningSetup {
    @Produces
    @ApplicationScoped
    NameMatcher nameMatcher(SanctionsConfig config) {
        return new NameMatcher(config.matchThreshold());
    }

    @Produces
    @ApplicationScoped
    PartyScreening partyScreening(NameMatcher matcher) {
        return new PartyScreening(matcher);
    }
}
