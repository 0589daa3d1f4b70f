package com.paystream.sanctions.imports;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The official lists this service imports, each in one published format: its name in {@code ?format=} and the prefix
 * of its entries' ids on our list ({@code OFAC-36}, {@code UK-AFG0001}), so an import of one source only ever touches
 * that source's entries.
 */
public enum ListFormat {
    /** OFAC's Specially Designated Nationals list, {@code sdn.xml} (docs/operations.md). */
    OFAC_SDN("ofac-sdn", "OFAC-") {
        @Override
        OfficialList read(InputStream in) {
            return OfacSdnReader.read(in);
        }
    },
    /** The FCDO's UK Sanctions List, {@code UK-Sanctions-List.xml} (docs/operations.md). */
    UK_SANCTIONS_LIST("uk-sanctions-list", "UK-") {
        @Override
        OfficialList read(InputStream in) {
            return UkSanctionsListReader.read(in);
        }
    };

    private final String id;
    private final String entryPrefix;

    ListFormat(String id, String entryPrefix) {
        this.id = id;
        this.entryPrefix = entryPrefix;
    }

    public String id() {
        return id;
    }

    /** Our entry id of the source's own id. */
    public String entryId(String sourceId) {
        return entryPrefix + sourceId;
    }

    /** Whether an entry of our list came from this source. */
    public boolean owns(String entryId) {
        return entryId.startsWith(entryPrefix);
    }

    public static Optional<ListFormat> of(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    /** Reads and checks a whole file: its entries, or the problems that refuse it. */
    abstract OfficialList read(InputStream in);
}
