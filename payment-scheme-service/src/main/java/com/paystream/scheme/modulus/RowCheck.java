package com.paystream.scheme.modulus;

import java.util.Arrays;

/**
 * One check: one row of the weight table applied to an account, with the variation its exception number calls for
 * (the specification's section 2.2.2). How two checks combine is {@link ModulusCheck}'s part.
 */
final class RowCheck {
    /** Exception 2, when a is not 0 and g is not 9. */
    private static final int[] EXCEPTION_2_WEIGHTS = {0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1};
    /** Exception 2, when a is not 0 and g is 9. */
    private static final int[] EXCEPTION_2_WEIGHTS_G9 = {0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1};
    private static final String EXCEPTION_8_SORT_CODE = "090126";
    private static final String EXCEPTION_9_SORT_CODE = "309634";
    private static final int EXCEPTION_1_ADDITION = 27;

    private final SubstitutionTable substitutions;

    RowCheck(SubstitutionTable substitutions) {
        this.substitutions = substitutions;
    }

    boolean passes(WeightTable.Row row, AccountDigits digits) {
        int[] weights = row.weights();
        return switch (row.exception()) {
            case 1 -> WeightedTotal.remainder(row.method(), weights, digits, EXCEPTION_1_ADDITION) == 0;
            case 2 -> standard(row, exception2Weights(weights, digits), digits);
            case 3 -> skipsDoubleAlternate(digits) || standard(row, weights, digits);
            case 4 -> WeightedTotal.remainder(row.method(), weights, digits, 0)
                    == digits.digit('g') * 10 + digits.digit('h');
            case 5 -> exception5(row, digits.atSortCode(substitutions.substitute(digits.sortCode())));
            case 7 -> standard(row, digits.digit('g') == 9 ? withoutSortCodeAndAb(weights) : weights, digits);
            case 8 -> standard(row, weights, digits.atSortCode(EXCEPTION_8_SORT_CODE));
            case 9 -> standard(row, weights, digits.atSortCode(EXCEPTION_9_SORT_CODE));
            case 10 -> standard(row, exception10Applies(digits) ? withoutSortCodeAndAb(weights) : weights, digits);
            default -> standard(row, weights, digits);
        };
    }

    /** Exception 14's second check: a Coutts account number whose last digit is 0, 1 or 9 is checked without it. */
    boolean passesAsCouttsAccount(WeightTable.Row row, AccountDigits digits) {
        int h = digits.digit('h');
        if (h != 0 && h != 1 && h != 9) {
            return false;
        }
        String shifted = "0" + digits.accountNumber().substring(0, 7);
        return standard(row, row.weights(), digits.withAccountNumber(shifted));
    }

    private static boolean standard(WeightTable.Row row, int[] weights, AccountDigits digits) {
        return WeightedTotal.remainder(row.method(), weights, digits, 0) == 0;
    }

    private static int[] exception2Weights(int[] weights, AccountDigits digits) {
        if (digits.digit('a') == 0) {
            return weights;
        }
        return digits.digit('g') == 9 ? EXCEPTION_2_WEIGHTS_G9 : EXCEPTION_2_WEIGHTS;
    }

    /** Exception 3: where c is 6 or 9 the double alternate check is not carried out. */
    private static boolean skipsDoubleAlternate(AccountDigits digits) {
        return digits.digit('c') == 6 || digits.digit('c') == 9;
    }

    /** Exception 10: where ab is 09 or 99 and g is 9, the weights of u to b are zeroised. */
    private static boolean exception10Applies(AccountDigits digits) {
        int ab = digits.digit('a') * 10 + digits.digit('b');
        return (ab == 9 || ab == 99) && digits.digit('g') == 9;
    }

    private static int[] withoutSortCodeAndAb(int[] weights) {
        int[] zeroised = Arrays.copyOf(weights, weights.length);
        Arrays.fill(zeroised, 0, 8, 0);
        return zeroised;
    }

    /**
     * Exception 5, at the substituted sort code: the standard check's remainder must match check digit g (a
     * remainder of 0 needs g = 0, a remainder of 1 never passes, any other needs 11 - remainder = g); the double
     * alternate check's must match h (0 needs h = 0, any other needs 10 - remainder = h).
     */
    private static boolean exception5(WeightTable.Row row, AccountDigits digits) {
        int remainder = WeightedTotal.remainder(row.method(), row.weights(), digits, 0);
        int checkDigit = digits.digit(row.method() == WeightTable.Method.DBLAL ? 'h' : 'g');
        if (remainder == 0) {
            return checkDigit == 0;
        }
        if (row.method() == WeightTable.Method.MOD11 && remainder == 1) {
            return false;
        }
        return WeightedTotal.modulus(row.method()) - remainder == checkDigit;
    }
}
