package com.paystream.sanctions.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as official lists write them, to ISO 3166-1 alpha-2 codes: the English names the JDK knows
 * ({@code Russia}, {@code Iran}, {@code United Kingdom}), in any case. A name it does not know gives null: the country
 * is shown with an entry, screening does not use it.
 */
final class Countries {
    private static final Map<String, String> CODES = codes();

    private Countries() {
    }

    static String code(String name) {
        return name == null ? null : CODES.get(name.strip().toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            codes.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        return Map.copyOf(codes);
    }
}
