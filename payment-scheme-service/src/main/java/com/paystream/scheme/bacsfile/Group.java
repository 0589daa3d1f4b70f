package com.paystream.scheme.bacsfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.paystream.scheme.bacsfile.Fields.at;
import static com.paystream.scheme.bacsfile.Fields.number;

/**
 * One user group, HDR1 to UTL1: what its data records add up to, overall and per originating account, to be compared
 * with its UTL1 trailer and its contra records. A group with an unreadable record is not compared (its totals would
 * be wrong for a reason already reported).
 */
final class Group {
    final int number;
    final int firstRecord;
    long creditValue;
    long creditCount;
    long debitValue;
    long debitCount;
    private boolean unreadableRecord;
    private final Map<String, long[]> byOriginator = new LinkedHashMap<>();
    private static final int ITEM_CREDITS = 0;
    private static final int ITEM_DEBITS = 1;
    private static final int CONTRA_CREDITS = 2;
    private static final int CONTRA_DEBITS = 3;

    Group(int number, int firstRecord) {
        this.number = number;
        this.firstRecord = firstRecord;
    }

    void unreadable() {
        unreadableRecord = true;
    }

    void add(DataRecord record) {
        long[] sums = byOriginator.computeIfAbsent(record.originator(), key -> new long[4]);
        if (record.isCredit()) {
            creditValue += record.amountPence;
            creditCount++;
            sums[record.isContra() ? CONTRA_CREDITS : ITEM_CREDITS] += record.amountPence;
        } else {
            debitValue += record.amountPence;
            debitCount++;
            sums[record.isContra() ? CONTRA_DEBITS : ITEM_DEBITS] += record.amountPence;
        }
    }

    /** The problems found comparing the group with its UTL1 trailer (the record numbered {@code trailer}). */
    List<Problem> check(int trailer, String utl1) {
        List<Problem> problems = new ArrayList<>();
        if (unreadableRecord) {
            return problems;
        }
        compare(problems, trailer, utl1, "UTL1 debit value total", 5, 17, debitValue);
        compare(problems, trailer, utl1, "UTL1 credit value total", 18, 30, creditValue);
        compare(problems, trailer, utl1, "UTL1 debit item count", 31, 37, debitCount);
        compare(problems, trailer, utl1, "UTL1 credit item count", 38, 44, creditCount);
        byOriginator.forEach((originator, sums) -> {
            if (sums[ITEM_CREDITS] != sums[CONTRA_DEBITS]) {
                problems.add(new Problem(trailer, "contra", "group " + number + ": the credits from " + originator
                        + " total " + sums[ITEM_CREDITS] + " pence but its contra debits total "
                        + sums[CONTRA_DEBITS] + " pence"));
            }
            if (sums[ITEM_DEBITS] != sums[CONTRA_CREDITS]) {
                problems.add(new Problem(trailer, "contra", "group " + number + ": the debits to " + originator
                        + " total " + sums[ITEM_DEBITS] + " pence but its contra credits total "
                        + sums[CONTRA_CREDITS] + " pence"));
            }
        });
        return problems;
    }

    private void compare(List<Problem> problems, int trailer, String utl1, String field, int from, int to,
                         long counted) {
        long stated = number(utl1, from, to);
        if (stated < 0) {
            problems.add(new Problem(trailer, field, "'" + at(utl1, from, to) + "' is not a number"));
        } else if (stated != counted) {
            problems.add(new Problem(trailer, field, "group " + number + " (from record " + firstRecord
                    + ") states " + stated + " but its records add up to " + counted));
        }
    }
}
