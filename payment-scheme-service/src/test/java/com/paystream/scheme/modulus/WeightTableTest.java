package com.paystream.scheme.modulus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightTableTest {
    private static WeightTable parse(String text) {
        return WeightTable.parse(new TableFile("test", "test", text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anUnknownCheckMethodIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("""
                089000 089999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1

                089999 089999 MOD12    0    0    0    0    0    0    7    1    3    7    1    3    7    1
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown check method MOD12");
    }

    @Test
    void anExceptionTheSpecificationDoesNotDefineIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("089999 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1 15\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("no exception 15");
    }

    @Test
    void aLineWithTooFewWeightsIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("089999 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected 17 or 18 fields, got 15");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> parse("089999 089000 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> parse("\n")).hasMessageContaining("no rows");
    }

    @Test
    void theBundledTableReportsItsVocalinkEdition() {
        TableOrigin origin = WeightTable.bundled().origin();

        assertThat(origin.location()).isEqualTo("bundled valacdos.txt");
        assertThat(origin.edition()).isEqualTo("Vocalink modulus weight table v8.50, valid from 2025-06-23");
        assertThat(origin.rows()).isEqualTo(1151);
        assertThat(origin.sha256()).isEqualTo("fec9bb8a55a3c95197dc2a2acd4bbce218b57ffdf80880be87e5286996cee761");
    }

    @Test
    void aTableFromAFileIsUsedInPlaceOfTheBundledOne(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("valacdos.txt"),
                "999990 999999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1\r\n");

        WeightTable table = WeightTable.load(file);

        ModulusCheck check = new ModulusCheck(table, SubstitutionTable.bundled());
        assertThat(check.check("999999", "66374958")).isEqualTo(ModulusCheck.Result.VALID);
        assertThat(check.check("089999", "66374958")).isEqualTo(ModulusCheck.Result.NOT_CHECKED);
        assertThat(table.origin().location()).isEqualTo(file.toString());
        assertThat(table.origin().edition()).startsWith("file last modified ");
    }
}
