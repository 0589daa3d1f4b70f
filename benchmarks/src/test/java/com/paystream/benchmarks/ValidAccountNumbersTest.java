package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ValidAccountNumbersTest {
    /** Hands out the given draws in order, as {@code Random.nextInt(1_000_000)} would. */
    private static Random draws(Integer... draws) {
        Iterator<Integer> next = List.of(draws).iterator();
        return new Random() {
            @Override
            public int nextInt(int bound) {
                return next.next();
            }
        };
    }

    @ParameterizedTest(name = "{0} then {1} gives {2}")
    @CsvSource({"1, 0, 10000009", "1, 1, 10000013", "1, 4, 10000047", "2, 0, 20000007", "3, 0, 30000005"})
    void theCheckDigitMakesANumberTheModulusCheckOf608371Passes(char first, int drawn, String expected) {
        assertThat(ValidAccountNumbers.at608371(first, draws(drawn))).isEqualTo(expected);
    }

    @Test
    void digitsThatWouldNeedACheckDigitOfTenAreDrawnAgain() {
        // 1000009x: 2 + 6 * 9 = 56, one more than 55, so only x = 10 would make a multiple of 11
        assertThat(ValidAccountNumbers.at608371('1', draws(9, 0))).isEqualTo("10000009");
    }

    @Test
    void everyNumberHasEightDigitsAndTheFirstAsked() {
        Random random = new Random(21);

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> ValidAccountNumbers.at608371('5', random)))
                .allSatisfy(number -> assertThat(number).matches("5\\d{7}"));
    }
}
