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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OFAC's SDN list in its classic XML, {@code sdn.xml}: root {@code <sdnList>} in the namespace of OFAC's Sanctions List
 * Service ({@value #SLS_NAMESPACE}) or the older Treasury one ({@value #TREASURY_NAMESPACE}); a
 * {@code <publshInformation>} header (the spelling is OFAC's) with {@code Publish_Date} (MM/DD/YYYY) and
 * {@code Record_Count}; one {@code <sdnEntry>} per listed party ({@code uid}, {@code firstName}, {@code lastName},
 * {@code sdnType}, {@code programList/program}, {@code akaList/aka}, {@code dateOfBirthList/dateOfBirthItem},
 * {@code nationalityList/nationality}, ...).
 *
 * <p>Our entry: {@code OFAC-{uid}}; name: first and last name (an entity, vessel or aircraft has a last name only);
 * aliases: each a.k.a.'s first and last name; date of birth: the main one of the full dates given (a year alone or a
 * range is not a date of birth); country: the main nationality. A file is refused for: another root or namespace, XML
 * that is not well-formed (a truncated file), no publish date, an entry without uid, last name or a known type, a uid
 * twice, a record count that is not the number of entries.
 */
final class OfacSdnReader {
    static final String SLS_NAMESPACE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML";
    static final String TREASURY_NAMESPACE = "http://tempuri.org/sdnList.xsd";
    private static final Set<String> TYPES = Set.of("Individual", "Entity", "Vessel", "Aircraft");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("dd MMM uuuu", Locale.ENGLISH);

    private OfacSdnReader() {
    }

    static OfficialList read(InputStream in) {
        Problems problems = new Problems();
        Map<String, OfficialEntry> entries = new LinkedHashMap<>();
        LocalDate[] published = {null};
        Integer[] recordCount = {null};
        boolean[] header = {false};
        long[] read = {0};
        XmlEntries.read(in, "sdnList", Set.of(SLS_NAMESPACE, TREASURY_NAMESPACE), problems, node -> {
            if (node.name().equals("publshInformation")) {
                header[0] = true;
                published[0] = publishDate(node, problems);
                recordCount[0] = recordCount(node, problems);
            } else if (node.name().equals("sdnEntry")) {
                read[0]++;
                OfficialEntry entry = entry(node, problems);
                if (entry != null) {
                    entries.put(entry.entryId(), entry);
                }
            }
        });
        if (problems.count() == 0) {
            if (!header[0] || published[0] == null) {
                problems.add(0, null, "No <publshInformation> with a Publish_Date: the publication has no date");
            }
            if (recordCount[0] != null && recordCount[0] != read[0]) {
                problems.add(0, null, "The header's Record_Count is " + recordCount[0] + " but the file holds "
                        + read[0] + " entries (truncated?)");
            }
        }
        return new OfficialList(ListFormat.OFAC_SDN, published[0], entries.values(), problems);
    }

    private static LocalDate publishDate(Node header, Problems problems) {
        String text = header.text("Publish_Date");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, PUBLISHED);
        } catch (DateTimeParseException e) {
            problems.add(header.line(), null, "Publish_Date '" + text + "' is not a date MM/DD/YYYY");
            return null;
        }
    }

    private static Integer recordCount(Node header, Problems problems) {
        String text = header.text("Record_Count");
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add(header.line(), null, "Record_Count '" + text + "' is not a whole number");
            return null;
        }
    }

    private static OfficialEntry entry(Node node, Problems problems) {
        String uid = node.text("uid");
        String lastName = node.text("lastName");
        String type = node.text("sdnType");
        long before = problems.count();
        problems.idOnce("uid", "sdnEntry", uid, node.line());
        if (lastName == null) {
            problems.add(node.line(), uid, "No lastName: an entry needs a name");
        }
        if (type == null || !TYPES.contains(type)) {
            problems.add(node.line(), uid, "sdnType " + (type == null ? "is missing" : "'" + type + "' is unknown")
                    + ": one of " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        if (problems.count() > before) {
            return null;
        }
        String name = joined(node.text("firstName"), lastName);
        Set<String> aliases = new LinkedHashSet<>();
        for (Node aka : node.path("akaList/aka")) {
            String alias = joined(aka.text("firstName"), aka.text("lastName"));
            if (!alias.isEmpty() && !alias.equals(name)) {
                aliases.add(alias);
            }
        }
        List<String> programs = node.path("programList/program").stream().map(Node::text)
                .filter(text -> !text.isEmpty()).toList();
        return new OfficialEntry(ListFormat.OFAC_SDN.entryId(uid), name, new ArrayList<>(aliases),
                dateOfBirth(node), country(node), "OFAC SDN " + uid + " (" + type
                + (programs.isEmpty() ? "" : "; " + String.join(", ", programs)) + ")");
    }

    /** The main entry's full date first, else the first full date; a year or a range alone is none. */
    private static LocalDate dateOfBirth(Node entry) {
        return mainFirst(entry.path("dateOfBirthList/dateOfBirthItem")).map(item -> item.text("dateOfBirth"))
                .map(OfacSdnReader::born).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static LocalDate born(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, BORN);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String country(Node entry) {
        return Stream.concat(mainFirst(entry.path("nationalityList/nationality")),
                        mainFirst(entry.path("citizenshipList/citizenship")))
                .map(item -> Countries.code(item.text("country"))).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static Stream<Node> mainFirst(List<Node> items) {
        return Stream.concat(items.stream().filter(item -> "true".equals(item.text("mainEntry"))),
                items.stream().filter(item -> !"true".equals(item.text("mainEntry"))));
    }

    private static String joined(String... parts) {
        return Stream.of(parts).filter(part -> part != null && !part.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
    }
}
