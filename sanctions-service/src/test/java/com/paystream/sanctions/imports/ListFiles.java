package com.paystream.sanctions.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fictitious list files of src/test/resources/sanctions-lists, as text, and read as a format reads them. */
final class ListFiles {
    static final String OFAC_FIRST = "ofac-sdn-2026-11-02.xml";
    static final String OFAC_LATER = "ofac-sdn-2026-11-09.xml";
    static final String UK_FIRST = "uk-sanctions-list-2026-11-02.xml";
    static final String UK_LATER = "uk-sanctions-list-2026-11-09.xml";
    /** An OFAC publication with no entries: importing it takes every OFAC entry off the list. */
    static final String OFAC_EMPTY = """
            <?xml version="1.0" standalone="yes"?>
            <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
              <publshInformation><Publish_Date>10/01/2026</Publish_Date><Record_Count>0</Record_Count></publshInformation>
            </sdnList>
            """;
    /** A UK publication with no designations. */
    static final String UK_EMPTY = """
            <?xml version="1.0" encoding="utf-8"?>
            <Designations><DateGenerated>01/10/2026</DateGenerated></Designations>
            """;

    private ListFiles() {
    }

    static String text(String name) {
        try (InputStream in = ListFiles.class.getClassLoader().getResourceAsStream("sanctions-lists/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No test file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OfficialList read(ListFormat format, String text) {
        return SanctionsListImports.read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
