package com.paystream.scheme.bacsfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-group Standard 18 file of any number of credits and their contra, made record by record as it is read, so a
 * test can read 100,000 records without the test itself holding them.
 */
public final class GeneratedFile extends Reader {
    public static final long PENCE = 1_234;
    private final int credits;
    private final String serialNumber;
    private int next;
    private String current = "";
    private int at;

    GeneratedFile(int credits) {
        this(credits, "000777");
    }

    /** The file with its VOL1 (and HDR1 set identification) serial number {@code serialNumber}, 6 characters. */
    GeneratedFile(int credits, String serialNumber) {
        this.credits = credits;
        this.serialNumber = serialNumber;
    }

    /** The whole file as bytes (for an upload; a test's memory, not the service's). */
    /** The fixture's records, one per line: VOL1, two groups (ACME WIDGETS LTD, NORTHWIND PAYROLL), see the file. */
    public static List<String> twoOriginators() {
        try (InputStream in = GeneratedFile.class.getResourceAsStream("/bacsfile/two-originators.txt")) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(int credits, String serialNumber) {
        try (GeneratedFile file = new GeneratedFile(credits, serialNumber)) {
            StringBuilder text = new StringBuilder(credits * 101 + 1_000);
            char[] buffer = new char[8192];
            for (int n = file.read(buffer, 0, buffer.length); n > 0; n = file.read(buffer, 0, buffer.length)) {
                text.append(buffer, 0, n);
            }
            return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    public static String credit(int i) {
        return String.format("%06d%08d099089999663749580000%011dACME WIDGETS LTD  %-18s%-18s",
                100_000 + i % 800_000, 10_000_000 + i, PENCE, "INV " + i, "PAYEE " + i);
    }

    private String record(int index) {
        int afterCredits = index - 4 - credits;
        if (index == 0) {
            return "VOL1" + serialNumber + " ".repeat(31) + "123456" + " ".repeat(32) + "1";
        } else if (index == 1 || afterCredits == 1) {
            return (index == 1 ? "HDR1" : "EOF1") + "A123456S  0000001" + serialNumber + "00010001" + " ".repeat(6)
                    + " 26327 26327 000000" + " ".repeat(20);
        } else if (index == 2 || afterCredits == 2) {
            return (index == 2 ? "HDR2" : "EOF2") + "F0200000100" + " ".repeat(35) + "00" + " ".repeat(28);
        } else if (index == 3) {
            return "UHL1 26330999999    000000001 DAILY  001" + " ".repeat(40);
        } else if (afterCredits < 0) {
            return credit(index - 4);
        } else if (afterCredits == 0) {
            return String.format("08999966374958017089999663749580000%011dACME WIDGETS LTD  CONTRA            "
                    + "ACME WIDGETS LTD  ", PENCE * credits);
        } else if (afterCredits == 3) {
            return String.format("UTL1%013d%013d%07d%07d", PENCE * credits, PENCE * credits, 1, credits)
                    + " ".repeat(36);
        }
        return null;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (at == current.length()) {
            String record = record(next++);
            if (record == null) {
                return -1;
            }
            current = record + "\n";
            at = 0;
        }
        int n = Math.min(length, current.length() - at);
        current.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
    }

    @Override
    public void close() {
    }
}
