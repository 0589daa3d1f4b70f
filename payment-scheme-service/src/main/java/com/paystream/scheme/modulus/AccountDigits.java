package com.paystream.scheme.modulus;

/**
 * The 14 digits a check runs over: the sort code's six ({@code u v w x y z}) then the account number's eight
 * ({@code a b c d e f g h}), as the specification names them.
 */
record AccountDigits(String sortCode, String accountNumber) {
    private static final String NOTATION = "uvwxyzabcdefgh";

    /** The digit at a position named as in the specification, e.g. {@code digit('g')}. */
    int digit(char position) {
        return (sortCode + accountNumber).charAt(NOTATION.indexOf(position)) - '0';
    }

    /** The digit at a position counted from 0 ({@code u}) to 13 ({@code h}). */
    int digit(int index) {
        return (sortCode + accountNumber).charAt(index) - '0';
    }

    /** The same account number checked as if at another sort code (exceptions 5, 8 and 9). */
    AccountDigits atSortCode(String substitute) {
        return new AccountDigits(substitute, accountNumber);
    }

    /** The same sort code with another account number (exception 14's second check). */
    AccountDigits withAccountNumber(String substitute) {
        return new AccountDigits(sortCode, substitute);
    }
}
