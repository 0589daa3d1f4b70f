package com.paystream.simulator.generate;

import java.util.List;
import java.util.Random;

/**
 * Makes up account numbers at one sort code that pass its standard MOD11 modulus check (no exception): the 14 digits,
 * sort code then account number, times the weights of the sort code's row in Vocalink's table ({@code valacdos}),
 * add up to a multiple of 11. The scheme's check passes a payment to such a number, so it reaches the bank.
 */
public final class Mod11AccountNumbers {
    private final String sortCode;
    private final List<Integer> weights;

    public Mod11AccountNumbers(String sortCode, List<Integer> weights) {
        if (sortCode == null || !sortCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("sort code must be 6 digits, got " + sortCode);
        }
        if (weights.size() != 14 || weights.get(13) % 11 == 0) {
            throw new IllegalArgumentException("MOD11 weights are 14 numbers, the last not a multiple of 11, got "
                    + weights);
        }
        this.sortCode = sortCode;
        this.weights = List.copyOf(weights);
    }

    public String sortCode() {
        return sortCode;
    }

    /** An eight-digit number starting with {@code first}: six random digits, then the check digit. */
    String draw(char first, Random random) {
        while (true) {
            StringBuilder number = new StringBuilder(8).append(first);
            for (int i = 0; i < 6; i++) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            int total = weightedTotal(sortCode + number);
            for (int last = 0; last <= 9; last++) {
                if ((total + last * weights.get(13)) % 11 == 0) {
                    return number.append(last).toString();
                }
            }
            // the check digit would have to be 10: draw again
        }
    }

    private int weightedTotal(String digits) {
        int total = 0;
        for (int i = 0; i < digits.length(); i++) {
            total += (digits.charAt(i) - '0') * weights.get(i);
        }
        return total;
    }
}
