package com.paystream.scheme.modulus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vocalink's sorting code substitution table ({@code scsubtab.txt}): for exception 5, the sort code to check with in
 * place of the one given, for check purposes only. Each line is an original and a substitute sort code; blank lines
 * are ignored; a malformed or repeated line is refused with its line number.
 */
public final class SubstitutionTable {
    private final Map<String, String> substitutes;
    private final TableOrigin origin;

    private SubstitutionTable(Map<String, String> substitutes, TableOrigin origin) {
        this.substitutes = Map.copyOf(substitutes);
        this.origin = origin;
    }

    /** The official table shipped with the service. */
    public static SubstitutionTable bundled() {
        return parse(TableFile.bundled("scsubtab.txt"));
    }

    /** A table from a file, e.g. a newer {@code scsubtab.txt}. */
    public static SubstitutionTable load(Path file) {
        return parse(TableFile.at(file));
    }

    static SubstitutionTable parse(TableFile file) {
        Map<String, String> substitutes = new HashMap<>();
        List<String> lines = file.lines();
        for (int index = 0; index < lines.size(); index++) {
            String text = lines.get(index).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.matches("\\d{6} \\d{6}")) {
                throw file.badLine(index + 1, "expected an original and a substitute 6-digit sort code, got " + text);
            }
            if (substitutes.put(text.substring(0, 6), text.substring(7)) != null) {
                throw file.badLine(index + 1, "sort code " + text.substring(0, 6) + " is substituted twice");
            }
        }
        return new SubstitutionTable(substitutes, file.origin(substitutes.size()));
    }

    /** The sort code to check with: its substitute, or itself when the table has none. */
    String substitute(String sortCode) {
        return substitutes.getOrDefault(sortCode, sortCode);
    }

    Map<String, String> substitutes() {
        return substitutes;
    }

    public TableOrigin origin() {
        return origin;
    }
}
