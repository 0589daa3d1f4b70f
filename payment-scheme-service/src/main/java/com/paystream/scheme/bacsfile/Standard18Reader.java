package com.paystream.scheme.bacsfile;

import com.paystream.scheme.inbound.BacsCharacterSet;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.paystream.scheme.bacsfile.Fields.at;
import static com.paystream.scheme.bacsfile.Fields.number;

/**
 * Reads a Bacs Standard 18 file record by record, never holding more than one record: checks each record's length and
 * characters, the order and content of the labels, and each group's counts, totals and contras against its UTL1
 * trailer. Each credit record read is given to the caller as it is read, so a caller that must not act on a file with
 * problems reads it twice (see {@link Standard18Ingest}). Layouts: docs/bacs-files.md.
 */
public final class Standard18Reader {
    /** Problems listed in a report; further ones are counted only, so a report stays small whatever the file. */
    public static final int MAX_LISTED = 1000;
    static final int LABEL_LENGTH = 80;
    static final int DATA_LENGTH = 100;
    static final int MULTI_DAY_DATA_LENGTH = 106;

    private enum Expect { VOL1, HDR1, HDR2, UHL1, DATA_OR_EOF1, EOF2, UTL1, HDR1_OR_END }

    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private Expect expect = Expect.VOL1;
    private int recordNumber;
    private String serialNumber;
    private LocalDate processingDay;
    private String hdr1;
    private String hdr2;
    private Group group;
    private int groups;
    private long credits;
    private long creditTotal;
    private long debits;
    private long contras;

    private Standard18Reader() {
    }

    /** Reads the whole file, giving each well-formed credit record to {@code credits}, and reports what it found. */
    public static InputReport read(Reader file, Consumer<Standard18Credit> credits) throws IOException {
        return new Standard18Reader().readAll(file, credits);
    }

    private InputReport readAll(Reader file, Consumer<Standard18Credit> sink) throws IOException {
        RecordLines lines = new RecordLines(file);
        for (String record = lines.next(); record != null; record = lines.next()) {
            recordNumber++;
            accept(record, lines.length(), sink);
        }
        if (recordNumber == 0) {
            problem(0, "file", "the file is empty");
        } else if (expect != Expect.HDR1_OR_END) {
            problem(recordNumber, "file", "the file ends where " + expected() + " was expected");
        }
        return new InputReport(serialNumber, processingDay, groups, credits, creditTotal, debits, contras,
                List.copyOf(problems), problemCount);
    }

    private void accept(String record, int length, Consumer<Standard18Credit> sink) {
        String label = record.length() >= 4 ? record.substring(0, 4) : "";
        boolean isLabel = List.of("VOL1", "HDR1", "HDR2", "UHL1", "EOF1", "EOF2", "UTL1").contains(label);
        boolean readable = isLabel ? labelLengthIsRight(record, length) : dataLengthIsRight(length);
        int outside = BacsCharacterSet.firstOutside(record);
        if (outside >= 0) {
            problem(recordNumber, "characters", "position " + (outside + 1) + " holds '" + record.charAt(outside)
                    + "', outside the Bacs character set");
            readable = false;
        }
        if (isLabel) {
            label(label, record, readable);
        } else {
            data(record, readable, sink);
        }
    }

    private boolean labelLengthIsRight(String record, int length) {
        if (length == LABEL_LENGTH || length == DATA_LENGTH && at(record, LABEL_LENGTH + 1, DATA_LENGTH).isBlank()) {
            return true;
        }
        problem(recordNumber, "length", "the " + record.substring(0, 4) + " label is " + LABEL_LENGTH
                + " characters (or " + DATA_LENGTH + " ending in spaces), not " + length);
        return false;
    }

    private boolean dataLengthIsRight(int length) {
        if (length == DATA_LENGTH) {
            return true;
        }
        problem(recordNumber, "length", length == MULTI_DAY_DATA_LENGTH
                ? "a " + MULTI_DAY_DATA_LENGTH + "-character record belongs to a multi-day file, which is not accepted"
                : "a data record is " + DATA_LENGTH + " characters, not " + length);
        return false;
    }

    private void label(String label, String record, boolean readable) {
        switch (label) {
            case "VOL1" -> {
                inOrder("VOL1", Expect.VOL1);
                if (readable) {
                    volume(record);
                }
                expect = Expect.HDR1;
            }
            case "HDR1" -> {
                if (expect != Expect.HDR1_OR_END) {
                    inOrder("HDR1", Expect.HDR1);
                }
                groups++;
                group = new Group(groups, recordNumber);
                hdr1 = readable ? record : null;
                if (readable) {
                    fileHeader(record);
                }
                expect = Expect.HDR2;
            }
            case "HDR2" -> {
                inOrder("HDR2", Expect.HDR2);
                hdr2 = readable ? record : null;
                if (readable && !at(record, 11, 15).equals("00100")) {
                    problem(recordNumber, "HDR2 record length", "'" + at(record, 11, 15)
                            + "': this gateway accepts single-day files of 100-character records (00100)");
                }
                expect = Expect.UHL1;
            }
            case "UHL1" -> {
                inOrder("UHL1", Expect.UHL1);
                if (readable) {
                    userHeader(record);
                }
                expect = Expect.DATA_OR_EOF1;
            }
            case "EOF1" -> {
                inOrder("EOF1", Expect.DATA_OR_EOF1);
                if (readable && hdr1 != null && !at(record, 5, 54).equals(at(hdr1, 5, 54))) {
                    problem(recordNumber, "EOF1", "does not repeat its HDR1 (positions 5-54)");
                }
                expect = Expect.EOF2;
            }
            case "EOF2" -> {
                inOrder("EOF2", Expect.EOF2);
                if (readable && hdr2 != null && !at(record, 5, LABEL_LENGTH).equals(at(hdr2, 5, LABEL_LENGTH))) {
                    problem(recordNumber, "EOF2", "does not repeat its HDR2 (positions 5-80)");
                }
                expect = Expect.UTL1;
            }
            default -> {
                inOrder("UTL1", Expect.UTL1);
                if (group != null && readable) {
                    group.check(recordNumber, record).forEach(this::problem);
                }
                group = null;
                expect = Expect.HDR1_OR_END;
            }
        }
    }

    private void volume(String record) {
        serialNumber = at(record, 5, 10);
        if (serialNumber.isBlank()) {
            problem(recordNumber, "VOL1 serial number", "is blank");
        } else if (!serialNumber.matches("[A-Z0-9]{6}")) {
            problem(recordNumber, "VOL1 serial number", "'" + serialNumber + "' is not six letters or digits");
        }
        if (record.charAt(LABEL_LENGTH - 1) != '1') {
            problem(recordNumber, "VOL1 label standard level", "'" + record.charAt(LABEL_LENGTH - 1) + "' is not 1");
        }
    }

    private void fileHeader(String record) {
        if (serialNumber != null && !at(record, 22, 27).equals(serialNumber)) {
            problem(recordNumber, "HDR1 set identification", "'" + at(record, 22, 27)
                    + "' is not the VOL1 serial number '" + serialNumber + "'");
        }
    }

    private void userHeader(String record) {
        LocalDate day = julian(at(record, 5, 10));
        if (day == null) {
            problem(recordNumber, "UHL1 processing day", "'" + at(record, 5, 10) + "' is not a date ' YYDDD'");
        } else if (processingDay == null) {
            processingDay = day;
        } else if (!processingDay.equals(day)) {
            problem(recordNumber, "UHL1 processing day", day + " differs from the file's first group, " + processingDay);
        }
        if (!at(record, 21, 22).equals("00")) {
            problem(recordNumber, "UHL1 currency code", "'" + at(record, 21, 22) + "' is not 00 (sterling)");
        }
    }

    /** A Standard 18 date: a space then YYDDD, the year in this century and the day of that year. */
    static LocalDate julian(String date) {
        long yyddd = number(date, 2, 6);
        if (date.charAt(0) != ' ' || yyddd < 0) {
            return null;
        }
        try {
            return LocalDate.ofYearDay(2000 + (int) (yyddd / 1000), (int) (yyddd % 1000));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private void data(String record, boolean readable, Consumer<Standard18Credit> sink) {
        if (expect != Expect.DATA_OR_EOF1) {
            problem(recordNumber, "record order", "a data record where " + expected() + " was expected");
            if (group != null) {
                expect = Expect.DATA_OR_EOF1;
            }
        }
        if (!readable) {
            if (group != null) {
                group.unreadable();
            }
            return;
        }
        DataRecord data = new DataRecord(record);
        List<Problem> own = data.problems(recordNumber, record);
        own.forEach(this::problem);
        if (group == null) {
            return;
        }
        if (!own.isEmpty()) {
            group.unreadable();
            return;
        }
        group.add(data);
        if (data.isContra()) {
            contras++;
        } else if (data.isCredit()) {
            credits++;
            creditTotal += data.amountPence;
            sink.accept(new Standard18Credit(serialNumber, processingDay, recordNumber, data.transactionCode,
                    data.destinationSortCode, data.destinationAccount, data.destinationName,
                    data.originatingSortCode, data.originatingAccount, data.originatorName, data.reference,
                    data.amountPence));
        } else {
            debits++;
        }
    }

    private void inOrder(String label, Expect wanted) {
        if (expect != wanted) {
            problem(recordNumber, "record order", label + " where " + expected() + " was expected");
        }
    }

    private String expected() {
        switch (expect) {
            case DATA_OR_EOF1:
                return "a data record or EOF1";
            case HDR1_OR_END:
                return "HDR1 or the end of the file";
            default:
                return expect.name();
        }
    }

    private void problem(int record, String field, String reason) {
        problem(new Problem(record, field, reason));
    }

    private void problem(Problem problem) {
        problemCount++;
        if (problems.size() < MAX_LISTED) {
            problems.add(problem);
        }
    }
}
