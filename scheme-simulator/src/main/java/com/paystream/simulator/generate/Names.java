package com.paystream.simulator.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The bundled names ({@code simulator/names.txt}): people as "INITIAL SURNAME" or "FIRST SURNAME", companies. */
public final class Names {
    private static final int MAX_BACS_NAME = 18;
    private final List<String> first;
    private final List<String> last;
    private final List<String> companies;

    Names(List<String> first, List<String> last, List<String> companies) {
        if (first.isEmpty() || last.isEmpty() || companies.isEmpty()) {
            throw new IllegalArgumentException("names need first names, surnames and companies");
        }
        companies.stream().filter(name -> name.length() > MAX_BACS_NAME).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("'" + name + "' is longer than a Bacs name (18 characters)");
        });
        this.first = List.copyOf(first);
        this.last = List.copyOf(last);
        this.companies = List.copyOf(companies);
    }

    public static Names bundled() {
        try (InputStream in = Names.class.getClassLoader().getResourceAsStream("simulator/names.txt")) {
            if (in == null) {
                throw new IllegalStateException("simulator/names.txt is missing");
            }
            Map<String, List<String>> sections = new HashMap<>();
            List<String> current = null;
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).toList()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(line);
                }
            }
            return new Names(sections.getOrDefault("first", List.of()), sections.getOrDefault("last", List.of()),
                    sections.getOrDefault("company", List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A person (mostly) or a company. */
    String originator(Random random) {
        return random.nextInt(4) == 0 ? pick(companies, random) : person(random);
    }

    String company(Random random) {
        return pick(companies, random);
    }

    String person(Random random) {
        String surname = pick(last, random);
        String full = pick(first, random) + " " + surname;
        return full.length() <= MAX_BACS_NAME && random.nextBoolean() ? full : full.charAt(0) + " " + surname;
    }

    private static String pick(List<String> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
