package com.paystream.sanctions.imports;

import com.paystream.sanctions.imports.XmlEntries.Node;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The FCDO's UK Sanctions List in its XML, {@code UK-Sanctions-List.xml}: root {@code <Designations>} (no namespace)
 * with the publication's {@code <DateGenerated>} (DD/MM/YYYY), then one {@code <Designation>} per designated person,
 * entity or ship: {@code UniqueID} (e.g. AFG0001), {@code IndividualEntityShip}, {@code RegimeName},
 * {@code DateDesignated}, {@code LastUpdated}, {@code Names/Name} (name parts {@code Name1} to {@code Name6}, Name6 the
 * family or entity name, and {@code NameType}: Primary Name, Primary Name Variation, Alias),
 * {@code IndividualDetails/Individual} ({@code DOBs/DOB}, {@code Nationalities/Nationality}), ...
 *
 * <p>Our entry: {@code UK-{UniqueID}}; name: the Primary Name's parts in order; aliases: every other name (variations
 * and aliases; names in non-Latin script are not taken: the matcher compares Latin letters); date of birth: the first
 * full one (the list writes unknown parts as {@code dd} / {@code mm}); country: the first nationality. A file is
 * refused for: another root, XML that is not well-formed (a truncated file), no DateGenerated, a designation without
 * UniqueID, a known type or a Primary Name, a UniqueID twice.
 */
final class UkSanctionsListReader {
    private static final Set<String> TYPES = Set.of("Individual", "Entity", "Ship");
    private static final String PRIMARY = "Primary Name";
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private UkSanctionsListReader() {
    }

    static OfficialList read(InputStream in) {
        Problems problems = new Problems();
        Map<String, OfficialEntry> entries = new LinkedHashMap<>();
        LocalDate[] generated = {null};
        XmlEntries.read(in, "Designations", Set.of(""), problems, node -> {
            if (node.name().equals("DateGenerated")) {
                generated[0] = date(node.text());
                if (generated[0] == null) {
                    problems.add(node.line(), null, "DateGenerated '" + node.text() + "' is not a date DD/MM/YYYY");
                }
            } else if (node.name().equals("Designation")) {
                OfficialEntry entry = entry(node, problems);
                if (entry != null) {
                    entries.put(entry.entryId(), entry);
                }
            }
        });
        if (problems.count() == 0 && generated[0] == null) {
            problems.add(0, null, "No <DateGenerated>: the publication has no date");
        }
        return new OfficialList(ListFormat.UK_SANCTIONS_LIST, generated[0], entries.values(), problems);
    }

    private static OfficialEntry entry(Node node, Problems problems) {
        String id = node.text("UniqueID");
        String type = node.text("IndividualEntityShip");
        long before = problems.count();
        problems.idOnce("UniqueID", "Designation", id, node.line());
        if (type == null || !TYPES.contains(type)) {
            problems.add(node.line(), id, "IndividualEntityShip " + (type == null ? "is missing" : "'" + type
                    + "' is unknown") + ": one of Individual, Entity, Ship");
        }
        List<Node> names = node.path("Names/Name");
        String primary = names.stream().filter(name -> PRIMARY.equalsIgnoreCase(name.text("NameType")))
                .map(UkSanctionsListReader::name).filter(name -> !name.isEmpty()).findFirst().orElse(null);
        if (primary == null) {
            problems.add(node.line(), id, "No Primary Name: a designation needs a name");
        }
        if (problems.count() > before) {
            return null;
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (Node name : names) {
            String alias = name(name);
            if (!alias.isEmpty() && !alias.equals(primary)) {
                aliases.add(alias);
            }
        }
        List<Node> individual = node.path("IndividualDetails/Individual");
        LocalDate born = individual.stream().flatMap(details -> details.path("DOBs/DOB").stream())
                .map(dob -> date(dob.text())).filter(Objects::nonNull).findFirst().orElse(null);
        String country = individual.stream().flatMap(details -> details.path("Nationalities/Nationality").stream())
                .map(nationality -> Countries.code(nationality.text())).filter(Objects::nonNull).findFirst()
                .orElse(null);
        return new OfficialEntry(ListFormat.UK_SANCTIONS_LIST.entryId(id), primary, new ArrayList<>(aliases), born,
                country, reference(node, id, type));
    }

    /** {@code UK AFG0001 (Entity; Afghanistan; designated 2012-06-29; updated 2026-04-16)}. */
    private static String reference(Node node, String id, String type) {
        LocalDate designated = date(node.text("DateDesignated"));
        LocalDate updated = date(node.text("LastUpdated"));
        String details = Stream.of(type, node.text("RegimeName"),
                        designated == null ? null : "designated " + designated,
                        updated == null ? null : "updated " + updated)
                .filter(Objects::nonNull).collect(Collectors.joining("; "));
        return "UK " + id + " (" + details + ")";
    }

    /** Name1 to Name6 in order, blank parts left out. */
    private static String name(Node name) {
        return Stream.of("Name1", "Name2", "Name3", "Name4", "Name5", "Name6").map(name::text)
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    /** A full date DD/MM/YYYY (the list's), or YYYY-MM-DD; null for anything else ({@code dd/mm/1975}). */
    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : List.of(UK_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }
}
