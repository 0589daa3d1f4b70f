package com.paystream.scheme.bacsfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.paystream.scheme.bacsfile.Fields.at;
import static com.paystream.scheme.bacsfile.Fields.number;

/** A 100-character data record (a payment, or a contra) and the problems of its own fields. */
final class DataRecord {
    static final Set<String> CREDIT_CODES = Set.of("99", "Z4", "Z5");
    static final Set<String> DEBIT_CODES = Set.of("01", "17", "18", "19");
    static final Set<String> AUDDIS_CODES = Set.of("0C", "0N", "0S");

    final String destinationSortCode;
    final String destinationAccount;
    final String transactionCode;
    final String originatingSortCode;
    final String originatingAccount;
    final long amountPence;
    final String originatorName;
    final String reference;
    final String destinationName;

    DataRecord(String record) {
        destinationSortCode = at(record, 1, 6);
        destinationAccount = at(record, 7, 14);
        transactionCode = at(record, 16, 17);
        originatingSortCode = at(record, 18, 23);
        originatingAccount = at(record, 24, 31);
        amountPence = number(record, 36, 46);
        originatorName = at(record, 47, 64).trim();
        reference = at(record, 65, 82).trim();
        destinationName = at(record, 83, 100).trim();
    }

    boolean isCredit() {
        return CREDIT_CODES.contains(transactionCode);
    }

    /** A contra moves the total of an originator's items to or from the originator's own account. */
    boolean isContra() {
        return destinationSortCode.equals(originatingSortCode) && destinationAccount.equals(originatingAccount);
    }

    String originator() {
        return originatingSortCode + " " + originatingAccount;
    }

    List<Problem> problems(int recordNumber, String record) {
        List<Problem> problems = new ArrayList<>();
        digits(problems, recordNumber, record, "destination sort code", 1, 6);
        digits(problems, recordNumber, record, "destination account number", 7, 14);
        digits(problems, recordNumber, record, "destination account type", 15, 15);
        digits(problems, recordNumber, record, "originating sort code", 18, 23);
        digits(problems, recordNumber, record, "originating account number", 24, 31);
        if (AUDDIS_CODES.contains(transactionCode)) {
            problems.add(new Problem(recordNumber, "transaction code", "'" + transactionCode
                    + "' is a Direct Debit instruction (AUDDIS), which travels in its own file, not a payment file"));
        } else if (!isCredit() && !DEBIT_CODES.contains(transactionCode)) {
            problems.add(new Problem(recordNumber, "transaction code",
                    "'" + transactionCode + "' is not a Bacs transaction code"));
        }
        if (amountPence < 0) {
            problems.add(new Problem(recordNumber, "amount", "'" + at(record, 36, 46) + "' is not 11 digits of pence"));
        } else if (amountPence == 0) {
            problems.add(new Problem(recordNumber, "amount", "the amount is zero"));
        }
        if (originatorName.isEmpty()) {
            problems.add(new Problem(recordNumber, "originator name", "is blank"));
        }
        if (destinationName.isEmpty()) {
            problems.add(new Problem(recordNumber, "destination account name", "is blank"));
        }
        return problems;
    }

    private static void digits(List<Problem> problems, int recordNumber, String record, String field, int from,
                               int to) {
        if (number(record, from, to) < 0) {
            problems.add(new Problem(recordNumber, field, "'" + at(record, from, to) + "' is not "
                    + (to - from + 1) + (to == from ? " digit" : " digits")));
        }
    }
}
