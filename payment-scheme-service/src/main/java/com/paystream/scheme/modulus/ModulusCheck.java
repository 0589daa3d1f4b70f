package com.paystream.scheme.modulus;

import java.util.List;
import java.util.Set;

/**
 * UK account number validation by modulus checking, as Vocalink's "Validating account numbers" specifies it: the
 * 6-digit sort code and 8-digit account number form 14 digits, each multiplied by the weight of its position; MOD10
 * and MOD11 need the total to divide by 10 or 11, DBLAL (double alternate) adds the digits of each product and needs
 * the total to divide by 10. A sort code has one or two rows in the weight table, each a check, each with an optional
 * exception (the variations are {@link RowCheck}'s part); this class decides how the checks combine:
 * <ul>
 *   <li>a sort code the table does not list cannot be checked, and is presumed valid (NOT_CHECKED, never INVALID);
 *   <li>exception 6: an account with a = 4 to 8 and g = h is a foreign currency account the checks cannot be used on
 *       (NOT_CHECKED);
 *   <li>one check: it must pass; with exception 14, an account that fails it gets the Coutts second check;
 *   <li>two checks with exceptions 2 and 9, 10 and 11, or 12 and 13: either passing is enough (the second is run only
 *       when the first fails);
 *   <li>any other two checks (exceptions 3, 5, 6, or none): both must pass, the second run only after the first
 *       passes. Exception 5 is one of these, as the specification's test cases 23 and 24 show.
 * </ul>
 */
public final class ModulusCheck {
    /** The first check's exceptions for which either check passing is enough. */
    private static final Set<Integer> EITHER_CHECK_SUFFICES = Set.of(2, 10, 12);
    private static final int COUTTS = 14;
    private static final int FOREIGN_CURRENCY = 6;

    private final WeightTable table;
    private final RowCheck rowCheck;

    public ModulusCheck(WeightTable table, SubstitutionTable substitutions) {
        this.table = table;
        this.rowCheck = new RowCheck(substitutions);
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
        AccountDigits digits = new AccountDigits(sortCode, accountNumber);
        if (rows.isEmpty() || isForeignCurrencyAccount(rows, digits)) {
            return Result.NOT_CHECKED;
        }
        WeightTable.Row first = rows.get(0);
        boolean firstPasses = rowCheck.passes(first, digits);
        if (rows.size() == 1) {
            return valid(firstPasses || first.exception() == COUTTS && rowCheck.passesAsCouttsAccount(first, digits));
        }
        boolean eitherSuffices = EITHER_CHECK_SUFFICES.contains(first.exception());
        if (firstPasses == eitherSuffices) {
            return valid(firstPasses); // either suffices and the first passed, or both are needed and the first failed
        }
        return valid(rowCheck.passes(rows.get(1), digits));
    }

    private static boolean isForeignCurrencyAccount(List<WeightTable.Row> rows, AccountDigits digits) {
        int a = digits.digit('a');
        return rows.stream().anyMatch(row -> row.exception() == FOREIGN_CURRENCY)
                && a >= 4 && a <= 8 && digits.digit('g') == digits.digit('h');
    }

    private static Result valid(boolean passes) {
        return passes ? Result.VALID : Result.INVALID;
    }
}
