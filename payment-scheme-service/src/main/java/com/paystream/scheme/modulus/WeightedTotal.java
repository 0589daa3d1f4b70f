package com.paystream.scheme.modulus;

/**
 * The arithmetic of the two check methods: each digit times the weight of its position, added up (standard
 * modulus 10 and 11) or with each product's own digits added up (double alternate), and the total's remainder by the
 * method's modulus.
 */
final class WeightedTotal {
    private WeightedTotal() {
    }

    /** The remainder of the weighted total, plus {@code extra} (exception 1 adds 27), by the method's modulus. */
    static int remainder(WeightTable.Method method, int[] weights, AccountDigits digits, int extra) {
        int total = extra;
        for (int i = 0; i < 14; i++) {
            int product = digits.digit(i) * weights[i];
            total += method == WeightTable.Method.DBLAL ? product / 10 + product % 10 : product;
        }
        return Math.floorMod(total, modulus(method));
    }

    static int modulus(WeightTable.Method method) {
        return method == WeightTable.Method.MOD11 ? 11 : 10;
    }
}
