package com.paystream.simulator.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Mod11AccountNumbersTest {
    /** 608371's row of the modulus table: {@code MOD11 0 0 0 0 0 0 2 8 4 3 7 5 6 1}. */
    static final Mod11AccountNumbers AT_608371 =
            new Mod11AccountNumbers("608371", List.of(0, 0, 0, 0, 0, 0, 2, 8, 4, 3, 7, 5, 6, 1));

    /** Hands out the given digits in order, as {@code Random.nextInt(10)} would. */
    private static Random digits(int... digits) {
        Deque<Integer> queue = new ArrayDeque<>();
        IntStream.of(digits).forEach(queue::add);
        return new Random() {
            @Override
            public int nextInt(int bound) {
                return queue.remove();
            }
        };
    }

    @ParameterizedTest(name = "{0} then {1} gives {2}")
    @CsvSource({
            "1, 000000, 10000009",
            "1, 000001, 10000013",
            "1, 000002, 10000028",
            "1, 000003, 10000032",
            "1, 000004, 10000047",
            "2, 000000, 20000007",
            "3, 000000, 30000005"})
    void theCheckDigitMakesTheNumberOneThatTheModulusCheckPasses(char first, String drawn, String expected) {
        Random random = digits(drawn.chars().map(c -> c - '0').toArray());

        assertThat(AT_608371.draw(first, random)).isEqualTo(expected);
    }

    @Test
    void digitsThatWouldNeedACheckDigitOfTenAreDrawnAgain() {
        // 1000009x: 2 + 6 * 9 = 56, one more than 55, so only x = 10 would make a multiple of 11
        Random random = digits(0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0);

        assertThat(AT_608371.draw('1', random)).isEqualTo("10000009");
    }

    @Test
    void everyDrawnNumberHasEightDigitsAndTheFirstAsked() {
        Random random = new Random(21);

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> AT_608371.draw('9', random)))
                .allSatisfy(number -> assertThat(number).matches("9\\d{7}"));
    }

    @Test
    void weightsThatAreNotFourteenAreRefused() {
        assertThatThrownBy(() -> new Mod11AccountNumbers("608371", List.of(2, 8, 4, 3, 7, 5, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("14 numbers");
    }
}
