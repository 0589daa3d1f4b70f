package com.paystream.benchmarks;

import java.util.Random;

/**
 * Random account numbers at sort code 608371 that pass its modulus check, so payments to the benchmark's accounts
 * are not returned as invalid. 608371's row of Vocalink's table is {@code MOD11 0 0 0 0 0 0 2 8 4 3 7 5 6 1}: the
 * account digits times 2 8 4 3 7 5 6 1 add up to a multiple of 11.
 */
final class ValidAccountNumbers {
    static final String SORT_CODE = "608371";
    private static final int[] WEIGHTS = {2, 8, 4, 3, 7, 5, 6};

    private ValidAccountNumbers() {
    }

    /** {@code first}, six random digits, then the check digit (drawn again when it would have to be 10). */
    static String at608371(char first, Random random) {
        while (true) {
            String seven = first + String.format("%06d", random.nextInt(1_000_000));
            int total = 0;
            for (int i = 0; i < WEIGHTS.length; i++) {
                total += (seven.charAt(i) - '0') * WEIGHTS[i];
            }
            int check = (11 - total % 11) % 11;
            if (check < 10) {
                return seven + check;
            }
        }
    }
}
