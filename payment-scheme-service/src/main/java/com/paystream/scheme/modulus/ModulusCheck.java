package com.paystream.scheme.modulus;

import java.util.List;

/**
 * UK account number validation by modulus checking, as VocaLink specifies it: the 6-digit sort code and 8-digit
 * account number form 14 digits, each multiplied by the weight of its position; MOD10 and MOD11 need the sum to
 * divide by 10 or 11, DBLAL (double alternate) adds the digits of each product and needs the sum to divide by 10.
 * Every row the table has for the sort code must pass.
 *
 * <p>The specification's exception rules are not implemented yet: a row carrying an exception number is not used,
 * and the result says the account could not be fully checked, never that it is invalid. A sort code the table does
 * not list cannot be checked and is presumed valid, as the specification says.
 */
public final class ModulusCheck {
    private final WeightTable table;

    public ModulusCheck(WeightTable table) {
        this.table = table;
    }

    /** The outcome of a check. */
    public enum Result {
        VALID, INVALID, NOT_CHECKED
    }

    public Result check(String sortCode, String accountNumber) {
        if (!sortCode.matches("\\d{6}") || !accountNumber.matches("\\d{8}")) {
            return Result.INVALID;
        }
        List<WeightTable.Row> rows = table.rowsFor(sortCode);
        if (rows.isEmpty()) {
            return Result.NOT_CHECKED;
        }
        String digits = sortCode + accountNumber;
        boolean allChecked = true;
        for (WeightTable.Row row : rows) {
            if (row.exception() != 0) {
                allChecked = false;
                continue;
            }
            if (!passes(row, digits)) {
                return Result.INVALID;
            }
        }
        return allChecked ? Result.VALID : Result.NOT_CHECKED;
    }

    private static boolean passes(WeightTable.Row row, String digits) {
        int total = 0;
        for (int i = 0; i < 14; i++) {
            int product = (digits.charAt(i) - '0') * row.weights()[i];
            total += row.method() == WeightTable.Method.DBLAL ? product / 10 + product % 10 : product;
        }
        return total % (row.method() == WeightTable.Method.MOD11 ? 11 : 10) == 0;
    }
}
