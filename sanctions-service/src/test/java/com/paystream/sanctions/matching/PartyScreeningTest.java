package com.paystream.sanctions.matching;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.events.SanctionsMatch;
import com.paystream.events.SanctionsMatch.ScreenedParty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartyScreeningTest {
    private static final List<ListedEntry> LIST = List.of(
            new ListedEntry("e1", "Quintus Zarvenheim", List.of("Kwintus Zarwenheim")),
            new ListedEntry("e2", "Aleksandr Fictivovich Nemoyev", List.of("Sasha Nemoev")));
    private final PartyScreening screening = new PartyScreening(new NameMatcher());

    private static InboundPaymentDetails payment(String originator, String beneficiary) {
        return new InboundPaymentDetails("tx-1", new Party(originator, "123456", "12345678"),
                new Party(beneficiary, "654321", "87654321"), money(), "REF", LocalDate.of(2025, 1, 2));
    }

    private static Money money() {
        return Money.pence(1000);
    }

    @Test
    void aCleanPaymentHasNoMatches() {
        assertThat(screening.screen(payment("Jane Doe", "Acme Widgets Ltd"), LIST)).isEmpty();
    }

    @Test
    void aBeneficiaryMatchingAnAliasIsReportedWithThatAlias() {
        List<SanctionsMatch> matches = screening.screen(payment("Jane Doe", "Sasha Nemoev"), LIST);
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.party()).isEqualTo(ScreenedParty.BENEFICIARY);
            assertThat(m.listedName()).isEqualTo("Sasha Nemoev");
            assertThat(m.listEntryId()).isEqualTo("e2");
            assertThat(m.score()).isEqualTo(1.0);
        });
    }

    @Test
    void anOriginatorWithAVariantSpellingIsReportedWithItsScore() {
        List<SanctionsMatch> matches = screening.screen(payment("Quintus Zarvenhiem", "Jane Doe"), LIST);
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.party()).isEqualTo(ScreenedParty.ORIGINATOR);
            assertThat(m.listEntryId()).isEqualTo("e1");
            assertThat(m.score()).isBetween(0.85, 1.0);
        });
    }
}
