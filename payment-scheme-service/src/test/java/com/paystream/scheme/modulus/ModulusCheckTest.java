package com.paystream.scheme.modulus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModulusCheckTest {
    private final ModulusCheck check = new ModulusCheck(WeightTable.bundled());

    @ParameterizedTest(name = "{0} {1} is {2} ({3})")
    @CsvSource({
            "089999, 66374958, VALID, the specification's standard modulus 10 example",
            "089999, 66374959, INVALID, the same account number with its last digit changed",
            "107999, 88837491, VALID, the specification's standard modulus 11 example",
            "107999, 88837492, INVALID, the modulus 11 example with its last digit changed",
            "202959, 63748472, VALID, the specification's double alternate example",
            "202959, 63748473, INVALID, the double alternate example with its last digit changed",
            "404784, 70872490, NOT_CHECKED, a sort code the bundled table does not list",
    })
    void theSpecificationsWorkedExamplesCheckAsPublished(String sortCode, String account, ModulusCheck.Result expected,
                                                          String why) {
        assertThat(check.check(sortCode, account)).as(why).isEqualTo(expected);
    }

    @Test
    void anAccountNumberThatIsNotEightDigitsIsInvalid() {
        assertThat(check.check("089999", "6637495")).isEqualTo(ModulusCheck.Result.INVALID);
    }

    @Test
    void aRowWithAnExceptionTheCheckDoesNotImplementLeavesTheAccountNotChecked() throws Exception {
        WeightTable table = WeightTable.parse(new ByteArrayInputStream(
                "089999 089999 MOD10 0 0 0 0 0 0 7 1 3 7 1 3 7 1 5\n".getBytes(StandardCharsets.US_ASCII)), "test");

        assertThat(new ModulusCheck(table).check("089999", "66374959")).isEqualTo(ModulusCheck.Result.NOT_CHECKED);
    }

    @Test
    void aMalformedTableLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> WeightTable.parse(new ByteArrayInputStream(
                "# comment\n089999 089999 MOD12 0 0 0 0 0 0 7 1 3 7 1 3 7 1\n".getBytes(StandardCharsets.US_ASCII)),
                "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
