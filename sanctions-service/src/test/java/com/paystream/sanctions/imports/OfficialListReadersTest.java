package com.paystream.sanctions.imports;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.paystream.sanctions.imports.ListFiles.OFAC_FIRST;
import static com.paystream.sanctions.imports.ListFiles.UK_FIRST;
import static com.paystream.sanctions.imports.ListFiles.UK_LATER;
import static com.paystream.sanctions.imports.ListFiles.read;
import static com.paystream.sanctions.imports.ListFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading the published formats: what an entry becomes on our list, and every way a file is refused whole. */
class OfficialListReadersTest {
    private static OfficialEntry entry(OfficialList list, String entryId) {
        return list.entries().stream().filter(e -> e.entryId().equals(entryId)).findFirst().orElseThrow();
    }

    private static void assertRefused(OfficialList list, String reasonPart) {
        assertThat(list.refused()).isTrue();
        assertThat(list.problems()).extracting(FileProblem::reason).anySatisfy(reason ->
                assertThat(reason).contains(reasonPart));
    }

    @Test
    void anOfacSdnFileGivesItsPublicationDateAndAnEntryPerSdnEntry() {
        OfficialList list = read(ListFormat.OFAC_SDN, text(OFAC_FIRST));
        assertThat(list.refused()).isFalse();
        assertThat(list.publishedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(list.entries()).extracting(OfficialEntry::entryId)
                .containsExactly("OFAC-90001", "OFAC-90002", "OFAC-90003");
        assertThat(list.publicationId()).startsWith("ofac-sdn:2026-11-02:").hasSize("ofac-sdn:2026-11-02:".length() + 16);
    }

    @Test
    void anOfacIndividualIsNamedFirstThenLastWithItsAliasesMainDateOfBirthNationalityAndPrograms() {
        OfficialEntry entry = entry(read(ListFormat.OFAC_SDN, text(OFAC_FIRST)), "OFAC-90001");
        assertThat(entry.name()).isEqualTo("Varkon Teodor ZELMIRANOV");
        assertThat(entry.aliases()).containsExactly("Varkon ZELMIRANOFF");
        assertThat(entry.dateOfBirth()).isEqualTo(LocalDate.of(1964, 3, 17));
        assertThat(entry.country()).isEqualTo("NO");
        assertThat(entry.listReference()).isEqualTo("OFAC SDN 90001 (Individual; FICT1, FICT2)");
    }

    @Test
    void anOfacFileInTheOlderTreasuryNamespaceReadsTheSame() {
        String older = text(OFAC_FIRST).replace(OfacSdnReader.SLS_NAMESPACE, OfacSdnReader.TREASURY_NAMESPACE);
        assertThat(read(ListFormat.OFAC_SDN, older).entries())
                .isEqualTo(read(ListFormat.OFAC_SDN, text(OFAC_FIRST)).entries());
    }

    @Test
    void anOfacFileInAnotherNamespaceIsRefused() {
        String other = text(OFAC_FIRST).replace(OfacSdnReader.SLS_NAMESPACE, "urn:example:not-ofac");
        assertRefused(read(ListFormat.OFAC_SDN, other), "in namespace urn:example:not-ofac");
    }

    @Test
    void aUkFileIsNotReadAsAnOfacFile() {
        assertRefused(read(ListFormat.OFAC_SDN, text(UK_FIRST)), "The root element is <Designations>");
    }

    @Test
    void aTruncatedOfacFileIsRefused() {
        String whole = text(OFAC_FIRST);
        OfficialList list = read(ListFormat.OFAC_SDN, whole.substring(0, whole.indexOf("<uid>90003</uid>")));
        assertRefused(list, "not well-formed XML");
        assertThat(list.entries()).isEmpty();
    }

    @Test
    void anOfacUidTwiceIsRefusedNamingBothLines() {
        OfficialList list = read(ListFormat.OFAC_SDN, text(OFAC_FIRST).replace("<uid>90003</uid>",
                "<uid>90001</uid>"));
        assertRefused(list, "uid 90001 appears twice (first at line 8)");
        assertThat(list.problems()).extracting(FileProblem::entry).containsExactly("90001");
    }

    @Test
    void anOfacEntryWithoutALastNameIsRefused() {
        OfficialList list = read(ListFormat.OFAC_SDN, text(OFAC_FIRST).replace(
                "<lastName>QUORVEX MARITIME HOLDINGS</lastName>", ""));
        assertRefused(list, "No lastName");
        assertThat(list.problems().get(0).entry()).isEqualTo("90002");
    }

    @Test
    void anOfacRecordCountThatIsNotTheNumberOfEntriesIsRefused() {
        assertRefused(read(ListFormat.OFAC_SDN, text(OFAC_FIRST).replace("<Record_Count>3</Record_Count>",
                "<Record_Count>4</Record_Count>")), "Record_Count is 4 but the file holds 3 entries");
    }

    @Test
    void anOfacFileWithoutAPublishDateIsRefused() {
        assertRefused(read(ListFormat.OFAC_SDN, text(OFAC_FIRST).replace(
                "<Publish_Date>11/02/2026</Publish_Date>", "")), "no date");
    }

    @Test
    void aFileDeclaringAnExternalEntityIsRefusedNotResolved() {
        String xxe = text(OFAC_FIRST).replace("<?xml version=\"1.0\" standalone=\"yes\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE sdnList [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                .replace("<lastName>BLAVENTRO STAR</lastName>", "<lastName>&x;</lastName>");
        OfficialList list = read(ListFormat.OFAC_SDN, xxe);
        assertThat(list.refused()).isTrue();
        assertThat(list.entries()).extracting(OfficialEntry::name).noneMatch(name -> name.contains("root:"));
    }

    @Test
    void everyProblemOfAFileIsCountedAndTheFirstHundredListed() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            entries.append("<sdnEntry><uid>").append(i).append("</uid><sdnType>Individual</sdnType></sdnEntry>");
        }
        OfficialList list = read(ListFormat.OFAC_SDN, "<sdnList xmlns=\"" + OfacSdnReader.SLS_NAMESPACE + "\">"
                + "<publshInformation><Publish_Date>11/02/2026</Publish_Date></publshInformation>" + entries
                + "</sdnList>");
        assertThat(list.problemCount()).isEqualTo(150);
        assertThat(list.problems()).hasSize(100);
    }

    @Test
    void aUkFileOfTwentyThousandDesignationsIsReadWhole() {
        StringBuilder file = new StringBuilder("<Designations><DateGenerated>02/11/2026</DateGenerated>");
        for (int i = 0; i < 20_000; i++) {
            file.append("<Designation><UniqueID>FIC").append(100_000 + i).append("</UniqueID>")
                    .append("<IndividualEntityShip>Entity</IndividualEntityShip><Names><Name><Name6>FICTIVO TRADING ")
                    .append(i).append("</Name6><NameType>Primary Name</NameType></Name><Name><Name6>FICTIVO ")
                    .append(i).append(" LLC</Name6><NameType>Alias</NameType></Name></Names></Designation>");
        }
        OfficialList list = read(ListFormat.UK_SANCTIONS_LIST, file.append("</Designations>").toString());
        assertThat(list.refused()).isFalse();
        assertThat(list.entries()).hasSize(20_000);
        assertThat(list.entries().get(19_999).aliases()).containsExactly("FICTIVO 19999 LLC");
    }

    @Test
    void aUkDesignationIsNamedByItsPrimaryNamePartsWithEveryOtherNameAsAnAlias() {
        OfficialEntry entry = entry(read(ListFormat.UK_SANCTIONS_LIST, text(UK_FIRST)), "UK-FIC0001");
        assertThat(entry.name()).isEqualTo("Orsolva Dimitra KASTRAVELLI");
        assertThat(entry.aliases()).containsExactly("Orsolya KASTRAVELI", "THE GREY HERON");
        assertThat(entry.dateOfBirth()).isEqualTo(LocalDate.of(1971, 8, 9));
        assertThat(entry.country()).isEqualTo("MT");
        assertThat(entry.listReference()).isEqualTo("UK FIC0001 (Individual; Fictitious Sanctions Regulations "
                + "2022; designated 2022-03-01; updated 2026-10-15)");
    }

    @Test
    void aUkFileGivesItsGenerationDateAndAnEntryPerDesignation() {
        OfficialList list = read(ListFormat.UK_SANCTIONS_LIST, text(UK_FIRST));
        assertThat(list.refused()).isFalse();
        assertThat(list.publishedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(list.entries()).extracting(OfficialEntry::entryId)
                .containsExactly("UK-FIC0001", "UK-FIC0002", "UK-FIC0003");
    }

    @Test
    void aUkDateOfBirthWithUnknownDayAndMonthIsNoDateOfBirth() {
        OfficialEntry entry = entry(read(ListFormat.UK_SANCTIONS_LIST, text(UK_LATER)), "UK-FIC0004");
        assertThat(entry.dateOfBirth()).isNull();
        assertThat(entry.name()).isEqualTo("Belvaro QUINTANELLOS");
    }

    @Test
    void aUkFileWithAnotherRootIsRefused() {
        assertRefused(read(ListFormat.UK_SANCTIONS_LIST, text(OFAC_FIRST)), "this format's is <Designations>");
    }

    @Test
    void aTruncatedUkFileIsRefused() {
        String whole = text(UK_FIRST);
        assertRefused(read(ListFormat.UK_SANCTIONS_LIST, whole.substring(0, whole.length() - 40)),
                "not well-formed XML");
    }

    @Test
    void aUkUniqueIdTwiceIsRefused() {
        assertRefused(read(ListFormat.UK_SANCTIONS_LIST, text(UK_FIRST).replace("<UniqueID>FIC0003</UniqueID>",
                "<UniqueID>FIC0002</UniqueID>")), "UniqueID FIC0002 appears twice");
    }

    @Test
    void aUkDesignationWithoutAPrimaryNameIsRefused() {
        OfficialList list = read(ListFormat.UK_SANCTIONS_LIST, text(UK_FIRST).replace(
                "<Name6>TRELLIQUON INDUSTRIAL WORKS</Name6>\n        <NameType>Primary Name</NameType>",
                "<Name6>TRELLIQUON INDUSTRIAL WORKS</Name6>\n        <NameType>Alias</NameType>"));
        assertRefused(list, "No Primary Name");
        assertThat(list.problems()).extracting(FileProblem::entry).isEqualTo(List.of("FIC0002"));
    }

    @Test
    void aUkFileWithoutItsGenerationDateIsRefused() {
        assertRefused(read(ListFormat.UK_SANCTIONS_LIST, text(UK_FIRST).replace(
                "<DateGenerated>02/11/2026</DateGenerated>", "")), "No <DateGenerated>");
    }
}
