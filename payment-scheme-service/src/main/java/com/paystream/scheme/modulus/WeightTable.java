package com.paystream.scheme.modulus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The modulus weight table, in the format of Vocalink's {@code valacdos.txt}: for ranges of sort codes, which check to
 * run with which 14 weights (signed), and an optional exception number (1 to 14). A sort code has one row, or two
 * for two checks, in table order. Blank lines are ignored; a malformed line is refused with its line number.
 */
public final class WeightTable {
    private static final Set<Integer> EXCEPTIONS = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);

    private final List<Row> rows;
    private final TableOrigin origin;

    private WeightTable(List<Row> rows, TableOrigin origin) {
        this.rows = List.copyOf(rows);
        this.origin = origin;
    }

    /** One line of the table; {@code exception} is 0 where the line names none. */
    public record Row(int firstSortCode, int lastSortCode, Method method, int[] weights, int exception) {
        boolean covers(int sortCode) {
            return sortCode >= firstSortCode && sortCode <= lastSortCode;
        }
    }

    public enum Method { MOD10, MOD11, DBLAL }

    /** The official table shipped with the service. */
    public static WeightTable bundled() {
        return parse(TableFile.bundled("valacdos.txt"));
    }

    /** A table from a file, e.g. a newer {@code valacdos.txt}. */
    public static WeightTable load(Path file) {
        return parse(TableFile.at(file));
    }

    static WeightTable parse(TableFile file) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = file.lines();
        for (int index = 0; index < lines.size(); index++) {
            String text = lines.get(index).strip();
            if (!text.isEmpty()) {
                rows.add(row(text, file, index + 1));
            }
        }
        if (rows.isEmpty()) {
            throw file.badLine(lines.size(), "the table has no rows");
        }
        return new WeightTable(rows, file.origin(rows.size()));
    }

    private static Row row(String text, TableFile file, int number) {
        String[] fields = text.split("\\s+");
        if (fields.length != 17 && fields.length != 18) {
            throw file.badLine(number, "expected 17 or 18 fields, got " + fields.length);
        }
        try {
            int first = sortCode(fields[0]);
            int last = sortCode(fields[1]);
            if (last < first) {
                throw new IllegalArgumentException("the range ends before it starts");
            }
            int[] weights = new int[14];
            for (int i = 0; i < 14; i++) {
                weights[i] = Integer.parseInt(fields[3 + i]);
            }
            int exception = fields.length == 18 ? Integer.parseInt(fields[17]) : 0;
            if (exception != 0 && !EXCEPTIONS.contains(exception)) {
                throw new IllegalArgumentException("no exception " + exception + " in the specification");
            }
            return new Row(first, last, method(fields[2]), weights, exception);
        } catch (IllegalArgumentException e) {
            throw file.badLine(number, e.getMessage());
        }
    }

    private static Method method(String text) {
        try {
            return Method.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown check method " + text + " (MOD10, MOD11 or DBLAL)", e);
        }
    }

    private static int sortCode(String text) {
        if (!text.matches("\\d{6}")) {
            throw new IllegalArgumentException("not a 6-digit sort code: " + text);
        }
        return Integer.parseInt(text);
    }

    /** The rows that apply to a sort code, in table order (none: the account cannot be checked). */
    List<Row> rowsFor(String sortCode) {
        int code = Integer.parseInt(sortCode);
        List<Row> applicable = new ArrayList<>(2);
        for (Row row : rows) {
            if (row.covers(code)) {
                applicable.add(row);
            }
        }
        return applicable;
    }

    List<Row> rows() {
        return rows;
    }

    public TableOrigin origin() {
        return origin;
    }
}
