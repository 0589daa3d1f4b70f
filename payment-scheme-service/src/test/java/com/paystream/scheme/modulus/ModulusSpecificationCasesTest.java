package com.paystream.scheme.modulus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test case of the specification's chapter 3 ("Validating account numbers" v6.40, "Test data and expected
 * results"), against the shipped tables. The specification's valid flag Y is VALID, N is INVALID; case 13 (flag Y) is
 * a foreign currency account, which the specification says cannot be checked: NOT_CHECKED, accepted, never INVALID.
 */
class ModulusSpecificationCasesTest {
    private static final ModulusCheck CHECK = new ModulusCheck(WeightTable.bundled(), SubstitutionTable.bundled());

    @ParameterizedTest(name = "case {0}: {1} ({2} {3} is {4})")
    @CsvSource(delimiter = '|', textBlock = """
            1  | Pass modulus 10 check                                                              | 089999 | 66374958 | VALID
            2  | Pass modulus 11 check                                                              | 107999 | 88837491 | VALID
            3  | Pass modulus 11 and double alternate checks                                        | 202959 | 63748472 | VALID
            4  | Exception 10 & 11 where first check passes and second check fails                  | 871427 | 46238510 | VALID
            5  | Exception 10 & 11 where first check fails and second check passes                  | 872427 | 46238510 | VALID
            6  | Exception 10 where in the account number ab=09 and g=9, first passes, second fails | 871427 | 09123496 | VALID
            7  | Exception 10 where in the account number ab=99 and g=9, first passes, second fails | 871427 | 99123496 | VALID
            8  | Exception 3, sort code at the start of a range, c=6 so the second check is ignored | 820000 | 73688637 | VALID
            9  | Exception 3, sort code at the end of a range, c=9 so the second check is ignored   | 827999 | 73988638 | VALID
            10 | Exception 3, c is neither 6 nor 9 so both checks are performed and pass            | 827101 | 28748352 | VALID
            11 | Exception 4 where the remainder is equal to the checkdigit                         | 134020 | 63849203 | VALID
            12 | Exception 1, 27 added to the total, passes the double alternate check              | 118765 | 64371389 | VALID
            13 | Exception 6, fails the standard check but is a foreign currency account            | 200915 | 41011166 | NOT_CHECKED
            14 | Exception 5 where the check passes                                                 | 938611 | 07806039 | VALID
            15 | Exception 5 where the check passes with substitution                               | 938600 | 42368003 | VALID
            16 | Exception 5 where both checks produce a remainder of 0 and pass                    | 938063 | 55065200 | VALID
            17 | Exception 7 where the check passes but would fail the standard check               | 772798 | 99345694 | VALID
            18 | Exception 8 where the check passes                                                 | 086090 | 06774744 | VALID
            19 | Exception 2 & 9 where the first check passes                                       | 309070 | 02355688 | VALID
            20 | Exception 2 & 9 where the first check fails and the second passes by substitution  | 309070 | 12345668 | VALID
            21 | Exception 2 & 9 where a is not 0 and g is not 9, and passes                        | 309070 | 12345677 | VALID
            22 | Exception 2 & 9 where a is not 0 and g is 9, and passes                            | 309070 | 99345694 | VALID
            23 | Exception 5 where the first checkdigit is correct and the second incorrect         | 938063 | 15764273 | INVALID
            24 | Exception 5 where the first checkdigit is incorrect and the second correct         | 938063 | 15764264 | INVALID
            25 | Exception 5 where the first checkdigit is incorrect with a remainder of 1          | 938063 | 15763217 | INVALID
            26 | Exception 1 where it fails the double alternate check                              | 118765 | 64371388 | INVALID
            27 | Pass modulus 11 check and fail double alternate check                              | 203099 | 66831036 | INVALID
            28 | Fail modulus 11 check and pass double alternate check                              | 203099 | 58716970 | INVALID
            29 | Fail modulus 10 check                                                              | 089999 | 66374959 | INVALID
            30 | Fail modulus 11 check                                                              | 107999 | 88837493 | INVALID
            31 | Exception 12/13 where it passes the modulus 11 check (the modulus 10 check fails)  | 074456 | 12345112 | VALID
            32 | Exception 12/13 where it passes the modulus 11 check (the modulus 10 check passes) | 070116 | 34012583 | VALID
            33 | Exception 12/13 where it fails the modulus 11 check but passes the modulus 10      | 074456 | 11104102 | VALID
            34 | Exception 14 where the first check fails and the second check passes               | 180002 | 00000190 | VALID
            """)
    void theSpecificationsTestCaseChecksAsPublished(int number, String description, String sortCode,
                                                     String accountNumber, ModulusCheck.Result expected) {
        assertThat(CHECK.check(sortCode, accountNumber)).as("case %d: %s", number, description).isEqualTo(expected);
    }
}
