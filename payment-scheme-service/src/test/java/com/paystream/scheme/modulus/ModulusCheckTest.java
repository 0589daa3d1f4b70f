package com.paystream.scheme.modulus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ModulusCheckTest {
    private final ModulusCheck check = new ModulusCheck(WeightTable.bundled(), SubstitutionTable.bundled());

    @Test
    void aSortCodeTheTableDoesNotListIsNotChecked() {
        assertThat(check.check("999999", "12345678")).isEqualTo(ModulusCheck.Result.NOT_CHECKED);
    }

    @Test
    void anAccountNumberThatIsNotEightDigitsIsInvalid() {
        assertThat(check.check("089999", "6637495")).isEqualTo(ModulusCheck.Result.INVALID);
    }

    @Test
    void aCouttsAccountPassingTheFirstCheckIsValid() {
        assertThat(check.check("180002", "98093517")).isEqualTo(ModulusCheck.Result.VALID);
    }

    @Test
    void aCouttsAccountFailingTheFirstCheckWhoseLastDigitIsNot019IsInvalid() {
        assertThat(check.check("180002", "00000192")).isEqualTo(ModulusCheck.Result.INVALID);
    }

    @Test
    void anExceptionSixAccountWhoseLastTwoDigitsDifferIsCheckedAndCanFail() {
        assertThat(check.check("200915", "41011167")).isEqualTo(ModulusCheck.Result.INVALID);
    }

    @Test
    void anExceptionEightAccountIsCheckedAsIfAtSortCode090126() {
        WeightTable table = WeightTable.parse(new TableFile("test", "test", """
                086090 086090 MOD10    0    0    0    0    0    1    0    0    0    0    0    0    0    1    8
                """.getBytes(StandardCharsets.US_ASCII)));
        ModulusCheck exception8 = new ModulusCheck(table, SubstitutionTable.bundled());

        assertThat(exception8.check("086090", "00000004")).isEqualTo(ModulusCheck.Result.VALID);
        assertThat(exception8.check("086090", "00000000")).isEqualTo(ModulusCheck.Result.INVALID);
    }
}
