package com.paystream.scheme.modulus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The modulus weight table: for ranges of sort codes, which check to run with which 14 weights, and an optional
 * exception number. Lines are in the format of VocaLink's {@code valacdos.txt}; blank lines and {@code #} comments
 * are ignored; a malformed line is refused with its line number.
 */
public final class WeightTable {
    private final List<Row> rows;

    private WeightTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** One line of the table. */
    public record Row(int firstSortCode, int lastSortCode, Method method, int[] weights, int exception) {
        boolean covers(int sortCode) {
            return sortCode >= firstSortCode && sortCode <= lastSortCode;
        }
    }

    public enum Method { MOD10, MOD11, DBLAL }

    /** The table shipped with the service (rows from the specification's worked examples only). */
    public static WeightTable bundled() {
        try (InputStream in = WeightTable.class.getResourceAsStream("/modulus/weights.txt")) {
            if (in == null) {
                throw new IllegalStateException("The bundled modulus weight table is missing");
            }
            return parse(in, "bundled modulus/weights.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table from a file, e.g. the official {@code valacdos.txt}. */
    public static WeightTable load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the modulus weight table " + file, e);
        }
    }

    static WeightTable parse(InputStream in, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        int number = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            if (fields.length != 17 && fields.length != 18) {
                throw new IllegalArgumentException(source + " line " + number + ": expected 17 or 18 fields, got "
                        + fields.length);
            }
            try {
                int[] weights = new int[14];
                for (int i = 0; i < 14; i++) {
                    weights[i] = Integer.parseInt(fields[3 + i]);
                }
                rows.add(new Row(sortCode(fields[0]), sortCode(fields[1]), Method.valueOf(fields[2]), weights,
                        fields.length == 18 ? Integer.parseInt(fields[17]) : 0));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return new WeightTable(rows);
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
}
