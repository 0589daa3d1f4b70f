package com.paystream.systemtests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts the system tests open pass the scheme's modulus check at 608371, as the demo accounts do. */
class BankAccountNumbersTest {
    @ParameterizedTest(name = "608371 {0} passes: {1}")
    @CsvSource({"10000009, true", "10000013, true", "20000007, true", "30000005, true", "40000003, true",
            "10000001, false", "20000001, false", "40000001, false"})
    void anAccountNumberPassesWhenItsWeightedDigitsAddUpToAMultipleOfEleven(String number, boolean passes) {
        assertThat(Bank.passesModulusCheckAt608371(number)).isEqualTo(passes);
    }
}
