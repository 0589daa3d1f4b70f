package com.paystream.simulator.generate;

import com.paystream.events.BacsCalendar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's files hold up to what the bank checks (docs/bacs-files.md): read here with the layout's positions,
 * as the simulator may not use the bank's reader.
 */
class Standard18FileMakerTest {
    private static final BankAccount OPEN = BankAccount.parse("608371:10000009:JANE DOE");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private final PaymentGenerator generator = new PaymentGenerator(new Random(1), Names.bundled(), List.of(OPEN),
            List.of(BankAccount.parse("608371:30000005:EDITH BROWN")),
            List.of(BankAccount.parse("608371:20000007:SAMUEL GREEN")), List.of("QUINTUS ZARVENHAIM"),
            Mod11AccountNumbersTest.AT_608371, BacsCalendar.englandAndWales());

    private String make(int credits, int originators, long seed) throws IOException {
        StringWriter out = new StringWriter();
        new Standard18FileMaker(generator).write(new Standard18FileMaker.Plan("000042", DAY, DAY.minusDays(2),
                credits, originators, seed), out);
        return out.toString();
    }

    private static List<String> records(String file) {
        return List.of(file.split("\n"));
    }

    private static String at(String record, int from, int to) {
        return record.substring(from - 1, to);
    }

    private static long number(String record, int from, int to) {
        return Long.parseLong(at(record, from, to));
    }

    @Test
    void everyRecordHasItsLengthAndOnlyBacsCharacters() throws IOException {
        for (String record : records(make(200, 3, 7))) {
            assertThat(record).matches("[A-Z0-9 .&/-]*");
            assertThat(record.length()).as(record).isEqualTo(record.matches("(VOL1|HDR.|EOF.|UHL1|UTL1).*") ? 80 : 100);
        }
    }

    @Test
    void eachOriginatorHasAGroupOfLabelsAroundItsCreditsWithADirectDebitGroupBesides() throws IOException {
        List<String> labels = records(make(200, 3, 7)).stream().filter(r -> !r.matches("\\d.*"))
                .map(r -> r.substring(0, 4)).toList();

        List<String> expected = new ArrayList<>(List.of("VOL1"));
        for (int group = 0; group < 4; group++) {
            expected.addAll(List.of("HDR1", "HDR2", "UHL1", "EOF1", "EOF2", "UTL1"));
        }
        assertThat(labels).isEqualTo(expected);
    }

    @Test
    void theLabelsCarryTheSerialNumberAndTheProcessingDay() throws IOException {
        List<String> records = records(make(10, 2, 7));

        assertThat(at(records.get(0), 5, 10)).isEqualTo("000042");
        assertThat(records).filteredOn(r -> r.startsWith("HDR1"))
                .allSatisfy(r -> assertThat(at(r, 22, 27)).isEqualTo("000042"));
        assertThat(records).filteredOn(r -> r.startsWith("UHL1"))
                .allSatisfy(r -> assertThat(at(r, 5, 10)).isEqualTo(" 26330"));
    }

    @Test
    void eachGroupsTrailerStatesWhatItsRecordsAddUpToAndEachOriginatorsContraBalancesIt() throws IOException {
        long[] sums = new long[4];
        Map<String, Long> balance = new HashMap<>();
        int groups = 0;
        for (String record : records(make(500, 4, 11))) {
            if (record.startsWith("HDR1")) {
                sums = new long[4];
                balance.clear();
            } else if (record.matches("\\d.*")) {
                boolean credit = at(record, 16, 17).equals("99");
                long pence = number(record, 36, 46);
                sums[credit ? 1 : 0] += pence;
                sums[credit ? 3 : 2]++;
                // an originator's credits are balanced by its debit contra, its debits by its credit contra
                balance.merge(at(record, 18, 31), credit ? pence : -pence, Long::sum);
            } else if (record.startsWith("UTL1")) {
                groups++;
                assertThat(new long[] {number(record, 5, 17), number(record, 18, 30), number(record, 31, 37),
                        number(record, 38, 44)}).isEqualTo(sums);
                assertThat(balance.values()).isNotEmpty().allMatch(sum -> sum == 0);
            }
        }
        assertThat(groups).isEqualTo(5);
    }

    @Test
    void theCreditsAreSpreadOverTheOriginatorsWithEveryCreditCodedNinetyNine() throws IOException {
        List<String> items = records(make(10, 3, 5)).stream().filter(r -> r.matches("\\d.*"))
                .filter(r -> !at(r, 1, 14).equals(at(r, 18, 31))).toList();

        assertThat(items.stream().filter(r -> at(r, 16, 17).equals("99")).map(r -> at(r, 18, 31)).distinct())
                .hasSize(3);
        assertThat(items.stream().filter(r -> at(r, 16, 17).equals("99"))).hasSize(10);
        assertThat(items.stream().map(r -> at(r, 16, 17)).filter(code -> !code.equals("99")))
                .allMatch(code -> List.of("01", "17", "18", "19").contains(code)).isNotEmpty();
    }

    @Test
    void theSamePlanMakesTheSameFile() throws IOException {
        assertThat(make(50, 2, 99)).isEqualTo(make(50, 2, 99));
    }
}
