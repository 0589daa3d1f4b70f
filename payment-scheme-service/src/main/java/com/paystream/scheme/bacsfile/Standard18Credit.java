package com.paystream.scheme.bacsfile;

import java.time.LocalDate;

/**
 * One credit record of an accepted file: where the money goes, how much (pence), who sends it and why. The file's
 * serial number and the record's number within the file identify it for good, so a resent file credits nothing twice.
 */
public record Standard18Credit(String serialNumber, LocalDate processingDay, int record, String transactionCode,
                               String destinationSortCode, String destinationAccount, String destinationName,
                               String originatingSortCode, String originatingAccount, String originatorName,
                               String reference, long amountPence) {
}
