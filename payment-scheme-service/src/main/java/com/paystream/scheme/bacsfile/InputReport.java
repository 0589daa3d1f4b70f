package com.paystream.scheme.bacsfile;

import java.time.LocalDate;
import java.util.List;

/**
 * What reading a file found: its serial number and processing day, how many groups, credits (and their total in pence)
 * and debit items it holds, and every problem; the first {@link Standard18Reader#MAX_LISTED} problems are listed, all
 * are counted. A file with any problem is refused whole.
 */
public record InputReport(String serialNumber, LocalDate processingDay, int groups, long credits,
                          long creditTotalPence, long debits, long contras, List<Problem> problems,
                          long problemCount) {
    public boolean accepted() {
        return problemCount == 0;
    }
}
