package com.paystream.scheme.modulus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubstitutionTableTest {
    private static SubstitutionTable parse(String text) {
        return SubstitutionTable.parse(new TableFile("test", "test", text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aSortCodeInTheTableIsCheckedAsItsSubstitute() {
        assertThat(SubstitutionTable.bundled().substitute("938600")).isEqualTo("938611");
    }

    @Test
    void aSortCodeNotInTheTableIsCheckedAsItself() {
        assertThat(SubstitutionTable.bundled().substitute("938611")).isEqualTo("938611");
    }

    @Test
    void aMalformedLineIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("938173 938017\r\n938289 93806\r\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("938289 93806");
    }

    @Test
    void aSortCodeSubstitutedTwiceIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("938173 938017\n938173 938068\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("substituted twice");
    }

    @Test
    void theBundledTableReportsItsVocalinkEdition() {
        TableOrigin origin = SubstitutionTable.bundled().origin();

        assertThat(origin.edition()).isEqualTo("Vocalink sorting code substitution data, valid from 2005-06-13");
        assertThat(origin.rows()).isEqualTo(21);
    }
}
