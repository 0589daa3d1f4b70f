package com.paystream.scheme.modulus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ModulusCheckTest {
    private final ModulusCheck check = new ModulusCheck(WeightTable.bundled(), SubstitutionTable.bundled());

    @ParameterizedTest(name = "{0} {1} is {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            999999 | 12345678 | NOT_CHECKED | a sort code the table does not list is not checked, never invalid
            089999 | 6637495  | INVALID     | an account number that is not eight digits is invalid
            180002 | 98093517 | VALID       | a Coutts account passing the first check is valid (exception 14, example 1)
            180002 | 00000192 | INVALID     | a Coutts account failing the first check whose last digit is not 0, 1, 9
            200915 | 41011167 | INVALID     | an exception 6 account whose last two digits differ is checked, and fails
            """)
    void furtherCasesCheckAsTheSpecificationSays(String sortCode, String accountNumber, ModulusCheck.Result expected,
                                                 String why) {
        assertThat(check.check(sortCode, accountNumber)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"608371, 10000009", "608371, 10000013", "608371, 10000028", "608371, 10000032",
            "608371, 10000047", "608371, 20000007", "608371, 30000005", "107999, 88837491"})
    void everyDemoAccountOfTheDataSeederPassesTheCheck(String sortCode, String accountNumber) {
        assertThat(check.check(sortCode, accountNumber)).isEqualTo(ModulusCheck.Result.VALID);
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
