package com.paystream.scheme.bacsfile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class Standard18ReaderTest {
    static List<String> goodFile() {
        return GeneratedFile.twoOriginators();
    }

    private final List<Standard18Credit> credits = new ArrayList<>();

    private InputReport read(List<String> records) throws IOException {
        return read(String.join("\n", records) + "\n");
    }

    private InputReport read(String file) throws IOException {
        return Standard18Reader.read(new StringReader(file), credits::add);
    }

    /** The good file with record {@code number} (counted from 1) changed at positions {@code from} (from 1) on. */
    private static List<String> withChange(int number, int from, String replacement) {
        List<String> records = goodFile();
        String record = records.get(number - 1);
        records.set(number - 1, record.substring(0, from - 1) + replacement
                + record.substring(Math.min(record.length(), from - 1 + replacement.length())));
        return records;
    }

    private static void assertOnlyProblem(InputReport report, int record, String field) {
        assertThat(report.problems()).extracting(Problem::record, Problem::field).containsExactly(tuple(record, field));
    }

    private static void assertOnlyProblem(InputReport report, int record, String field, String reason) {
        assertThat(report.problems()).extracting(Problem::record, Problem::field, Problem::reason)
                .containsExactly(tuple(record, field, reason));
    }

    @Test
    void aVolumeSerialNumberThatIsNotSixLettersOrDigitsIsAProblemOfTheVol1() throws IOException {
        List<String> records = withChange(1, 5, "00/123");
        records.set(1, records.get(1).replace("000123", "00/123"));
        records.set(8, records.get(8).replace("000123", "00/123"));
        records.set(11, records.get(11).replace("000123", "00/123"));
        records.set(19, records.get(19).replace("000123", "00/123"));

        assertOnlyProblem(read(records), 1, "VOL1 serial number", "'00/123' is not six letters or digits");
    }

    @Test
    void givenAGoodFileWithTwoOriginatorGroupsAndContras_whenRead_thenItYieldsExactlyItsCreditsWithTheirAmounts()
            throws IOException {
        InputReport report = read(goodFile());

        assertThat(report.accepted()).isTrue();
        assertThat(credits).extracting(Standard18Credit::record, Standard18Credit::destinationSortCode,
                        Standard18Credit::destinationAccount, Standard18Credit::destinationName,
                        Standard18Credit::amountPence, Standard18Credit::originatorName, Standard18Credit::reference)
                .containsExactly(
                        tuple(5, "107999", "88837491", "JANE DOE", 125_050L, "ACME WIDGETS LTD", "INV 2026/0042"),
                        tuple(6, "309634", "12345678", "OLIVER KNIGHT", 4_999L, "ACME WIDGETS LTD", "INV 2026/0043"),
                        tuple(7, "560036", "40308669", "PRIYA SHAH & CO", 300_000L, "ACME WIDGETS LTD",
                                "INV 2026/0044"),
                        tuple(15, "202959", "63748472", "ALEX MORGAN", 250_000L, "NORTHWIND PAYROLL", "PAY NOV 2026"),
                        tuple(16, "871427", "46238510", "SAM O-NEILL", 180_075L, "NORTHWIND PAYROLL",
                                "PAY NOV 2026"));
    }

    @Test
    void givenAGoodFile_whenRead_thenTheReportGivesItsSerialProcessingDayGroupsAndTotals() throws IOException {
        InputReport report = read(goodFile());

        assertThat(report).isEqualTo(new InputReport("000123", LocalDate.of(2026, 11, 26), 2, 5, 860_124, 1, 3,
                List.of(), 0));
    }

    @Test
    void givenEachCredit_whenRead_thenItCarriesTheFileSerialTheProcessingDayAndTheOriginatingAccount()
            throws IOException {
        read(goodFile());

        assertThat(credits.get(3)).extracting(Standard18Credit::serialNumber, Standard18Credit::processingDay,
                        Standard18Credit::transactionCode, Standard18Credit::originatingSortCode,
                        Standard18Credit::originatingAccount)
                .containsExactly("000123", LocalDate.of(2026, 11, 26), "99", "200000", "55779911");
    }

    @Test
    void givenADirectDebitRecord_whenRead_thenItCountsInTheTotalsButYieldsNoCredit() throws IOException {
        InputReport report = read(goodFile());

        assertThat(report.debits()).isEqualTo(1);
        assertThat(credits).extracting(Standard18Credit::record).doesNotContain(17);
    }

    @Test
    void givenWindowsLineEnds_whenRead_thenTheFileIsAccepted() throws IOException {
        InputReport report = read(String.join("\r\n", goodFile()) + "\r\n");

        assertThat(report.accepted()).isTrue();
        assertThat(credits).hasSize(5);
    }

    @Test
    void givenLabelsPaddedWithSpacesTo100Characters_whenRead_thenTheFileIsAccepted() throws IOException {
        List<String> records = goodFile();
        records.replaceAll(record -> String.format("%-100s", record));

        assertThat(read(records).accepted()).isTrue();
    }

    @Test
    void givenAWrongUtl1CreditTotal_whenRead_thenTheFileIsRefusedNamingTheGroupAndTheTrailer() throws IOException {
        InputReport report = read(withChange(22, 18, "0000000431576"));

        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.record()).isEqualTo(22);
            assertThat(problem.field()).isEqualTo("UTL1 credit value total");
            assertThat(problem.reason()).contains("group 2").contains("431576").contains("431575");
        });
    }

    @Test
    void givenAWrongUtl1CreditCount_whenRead_thenTheFileIsRefusedNamingTheCount() throws IOException {
        assertOnlyProblem(read(withChange(11, 38, "0000004")), 11, "UTL1 credit item count");
    }

    @Test
    void givenAContraThatDoesNotMatchItsCredits_whenRead_thenTheFileIsRefusedNamingTheOriginator()
            throws IOException {
        List<String> records = withChange(8, 36, "00000430048");
        records.set(10, withChange(11, 5, "0000000430048").get(10));

        InputReport report = read(records);

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("contra");
            assertThat(problem.reason()).contains("group 1").contains("089999 66374958").contains("430049");
        });
    }

    @Test
    void givenAShortRecord_whenRead_thenTheFileIsRefusedNamingThatRecordsLength() throws IOException {
        List<String> records = goodFile();
        records.set(5, records.get(5).substring(0, 99));

        InputReport report = read(records);

        assertOnlyProblem(report, 6, "length", "a data record is 100 characters, not 99");
    }

    @Test
    void givenALongRecord_whenRead_thenTheFileIsRefusedNamingThatRecordsLength() throws IOException {
        List<String> records = goodFile();
        records.set(5, records.get(5) + "X".repeat(400));

        InputReport report = read(records);

        assertOnlyProblem(report, 6, "length", "a data record is 100 characters, not 500");
    }

    @Test
    void givenAMultiDayRecordOf106Characters_whenRead_thenTheFileIsRefusedSayingMultiDayFilesAreNotAccepted()
            throws IOException {
        List<String> records = goodFile();
        records.set(5, records.get(5) + " 26330");

        assertThat(read(records).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("multi-day"));
    }

    @Test
    void givenACharacterOutsideTheBacsSet_whenRead_thenTheFileIsRefusedNamingItsPosition() throws IOException {
        InputReport report = read(withChange(5, 84, "ane"));

        assertOnlyProblem(report, 5, "characters", "position 84 holds 'a', outside the Bacs character set");
        assertThat(credits).extracting(Standard18Credit::record).doesNotContain(5);
    }

    @Test
    void givenAMissingUhl1Label_whenRead_thenTheFileIsRefusedSayingWhatWasExpected() throws IOException {
        List<String> records = goodFile();
        records.remove(13);

        InputReport report = read(records);

        assertOnlyProblem(report, 14, "record order", "a data record where UHL1 was expected");
    }

    @Test
    void givenAFileEndingBeforeItsLastTrailer_whenRead_thenTheFileIsRefusedSayingWhatWasExpected()
            throws IOException {
        InputReport report = read(goodFile().subList(0, 20));

        assertOnlyProblem(report, 20, "file", "the file ends where EOF2 was expected");
    }

    @Test
    void givenAnEmptyFile_whenRead_thenItIsRefusedAsEmpty() throws IOException {
        InputReport report = read("");

        assertOnlyProblem(report, 0, "file", "the file is empty");
    }

    @Test
    void givenADirectDebitInstruction_whenRead_thenTheFileIsRefusedSayingItBelongsInItsOwnFile() throws IOException {
        InputReport report = read(withChange(17, 16, "0N"));

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.record()).isEqualTo(17);
            assertThat(problem.field()).isEqualTo("transaction code");
            assertThat(problem.reason()).contains("AUDDIS");
        });
    }

    @Test
    void givenAnUnknownTransactionCode_whenRead_thenTheFileIsRefusedNamingTheCode() throws IOException {
        InputReport report = read(withChange(5, 16, "42"));

        assertOnlyProblem(report, 5, "transaction code", "'42' is not a Bacs transaction code");
    }

    @Test
    void givenAnAmountThatIsNotDigits_whenRead_thenTheFileIsRefusedNamingTheAmount() throws IOException {
        assertOnlyProblem(read(withChange(6, 36, "0000000 999")), 6, "amount");
    }

    @Test
    void givenASecondGroupWithAnotherProcessingDay_whenRead_thenTheFileIsRefusedNamingTheDay() throws IOException {
        assertOnlyProblem(read(withChange(14, 5, " 26331")), 14, "UHL1 processing day");
    }

    @Test
    void givenAnEof1ThatDoesNotRepeatItsHdr1_whenRead_thenTheFileIsRefused() throws IOException {
        InputReport report = read(withChange(9, 6, "999999"));

        assertThat(report.problems()).extracting(Problem::record, Problem::field).containsExactly(tuple(9, "EOF1"));
    }

    @Test
    void givenAnHdr1NotNamingTheVolumeSerial_whenRead_thenTheFileIsRefusedAtThatHdr1AndItsEof1() throws IOException {
        InputReport report = read(withChange(12, 22, "000124"));

        assertThat(report.problems()).extracting(Problem::record, Problem::field)
                .containsExactly(tuple(12, "HDR1 set identification"), tuple(20, "EOF1"));
    }

    @Test
    void givenMoreProblemsThanAReportLists_whenRead_thenAllAreCountedAndTheFirstListed() throws IOException {
        List<String> records = goodFile();
        records.addAll(4, Collections.nCopies(Standard18Reader.MAX_LISTED + 500, "TOO SHORT"));

        InputReport report = read(records);

        assertThat(report.problems()).hasSize(Standard18Reader.MAX_LISTED);
        assertThat(report.problemCount()).isEqualTo(Standard18Reader.MAX_LISTED + 500);
        assertThat(report.problems().get(0).record()).isEqualTo(5);
    }
}
