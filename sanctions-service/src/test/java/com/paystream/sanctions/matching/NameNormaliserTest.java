package com.paystream.sanctions.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormaliserTest {
    private final NameNormaliser normaliser = new NameNormaliser();

    private String key(String name) {
        return normaliser.normalise(name).key();
    }

    @Test
    void caseIsIgnored() {
        assertThat(key("JOHN SMITH")).isEqualTo(key("john smith"));
    }

    @Test
    void accentsAreStripped() {
        assertThat(key("José Müller")).isEqualTo("jose muller");
    }

    @Test
    void lettersThatDoNotDecomposeAreTransliterated() {
        assertThat(key("Łukasz Strauß")).isEqualTo("lukasz strauss");
    }

    @Test
    void hyphensAndDotsSeparateTokensAndApostrophesVanish() {
        assertThat(normaliser.normalise("Al-Qaddafi, S. O'Brien").tokens())
                .containsExactly("al", "obrien", "qaddafi", "s");
    }

    @Test
    void honorificsAndMilitaryTitlesAreDropped() {
        assertThat(key("Colonel Dr. Sir Ivan Petrov")).isEqualTo("ivan petrov");
    }

    @Test
    void aNameMadeOnlyOfATitleIsKeptAsItIs() {
        assertThat(key("Lord")).isEqualTo("lord");
    }

    @Test
    void corporateSuffixesAreDroppedFromTheComparedTokensButRemembered() {
        NormalisedName name = normaliser.normalise("Acme Widgets Ltd.");
        assertThat(name.tokens()).containsExactly("acme", "widgets");
        assertThat(name.legalForm()).containsExactly("ltd");
    }

    @Test
    void limitedAndLtdNormaliseAlike() {
        assertThat(key("Acme Widgets Limited")).isEqualTo(key("ACME WIDGETS LTD"));
    }

    @Test
    void tokensAreSortedSoOrderDoesNotMatter() {
        assertThat(key("Ivanov Sergei")).isEqualTo(key("Sergei Ivanov"));
    }
}
