package com.paystream.scheme.bacsfile;

import java.io.IOException;
import java.io.Reader;

/**
 * The records of a file, one line at a time, ended by LF or CR LF. At most {@link #KEPT} characters of a line are kept,
 * so a file without line ends (or with one enormous line) never fills memory; {@link #length()} tells the true length.
 */
final class RecordLines {
    static final int KEPT = 120;
    private final Reader in;
    private final StringBuilder line = new StringBuilder(KEPT);
    private int length;

    RecordLines(Reader in) {
        this.in = in;
    }

    /** The next record (its first {@link #KEPT} characters), or null at the end of the file. */
    String next() throws IOException {
        line.setLength(0);
        length = 0;
        int c = in.read();
        if (c == -1) {
            return null;
        }
        boolean pendingCarriageReturn = false;
        while (c != -1 && c != '\n') {
            if (pendingCarriageReturn) {
                keep('\r');
            }
            pendingCarriageReturn = c == '\r';
            if (!pendingCarriageReturn) {
                keep((char) c);
            }
            c = in.read();
        }
        if (pendingCarriageReturn && c == -1) {
            keep('\r');
        }
        return line.toString();
    }

    /** The length of the record {@link #next()} last returned, line end excluded. */
    int length() {
        return length;
    }

    private void keep(char c) {
        if (length < KEPT) {
            line.append(c);
        }
        length++;
    }
}
