package com.paystream.scheme.modulus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the official tables shipped with the service, over every row. */
class ShippedModulusTablesTest {
    private static final WeightTable TABLE = WeightTable.bundled();
    private static final ModulusCheck CHECK = new ModulusCheck(TABLE, SubstitutionTable.bundled());

    @Test
    void everyLineOfTheShippedWeightTableIsARowWithAKnownMethodAndFourteenWeights() throws IOException {
        long lines;
        try (InputStream in = WeightTable.class.getResourceAsStream("/modulus/valacdos.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.isBlank())
                    .count();
        }

        assertThat(TABLE.rows()).hasSize((int) lines).allSatisfy(row -> {
            assertThat(row.method()).isIn((Object[]) WeightTable.Method.values());
            assertThat(row.weights()).hasSize(14);
            assertThat(row.exception()).isBetween(0, 14);
        });
    }

    @Test
    void everySortCodeHasOneCheckOrTwoWhoseExceptionsPairAsTheSpecificationSays() {
        Map<Integer, Integer> secondFor = Map.of(0, 0, 2, 9, 10, 11, 12, 13, 5, 5, 6, 6);
        for (WeightTable.Row row : TABLE.rows()) {
            List<WeightTable.Row> rows = TABLE.rowsFor(String.format("%06d", row.firstSortCode()));
            assertThat(rows).hasSizeBetween(1, 2);
            if (rows.size() == 2 && rows.get(1).exception() != 3) {
                assertThat(rows.get(1).exception()).as("the check after exception %d", rows.get(0).exception())
                        .isEqualTo(secondFor.get(rows.get(0).exception()));
            }
        }
    }

    @Test
    void everySortCodeOfTheSubstitutionTableIsInAnExceptionFiveRange() {
        assertThat(SubstitutionTable.bundled().substitutes().keySet()).allSatisfy(sortCode ->
                assertThat(TABLE.rowsFor(sortCode)).extracting(WeightTable.Row::exception).containsOnly(5));
    }

    @Test
    void aSortCodeJustOutsideAnyRangeOfTheTableIsNotCheckedWhateverTheAccountNumber() {
        Random random = new Random(21);
        List<String> outside = new ArrayList<>();
        for (WeightTable.Row row : TABLE.rows()) {
            IntStream.of(row.firstSortCode() - 1, row.lastSortCode() + 1)
                    .filter(code -> code >= 0 && code <= 999_999)
                    .mapToObj(code -> String.format("%06d", code))
                    .filter(code -> TABLE.rowsFor(code).isEmpty())
                    .forEach(outside::add);
        }

        assertThat(outside).isNotEmpty().allSatisfy(sortCode ->
                assertThat(CHECK.check(sortCode, String.format("%08d", random.nextInt(100_000_000))))
                        .as(sortCode).isEqualTo(ModulusCheck.Result.NOT_CHECKED));
    }

    @Test
    void anAccountAtASortCodeTheTableListsIsCheckedUnlessItIsAForeignCurrencyAccount() {
        Random random = new Random(21);
        for (WeightTable.Row row : TABLE.rows()) {
            String sortCode = String.format("%06d", row.firstSortCode());
            String account = "1" + String.format("%07d", random.nextInt(10_000_000));
            String foreignCurrency = "4" + account.substring(1, 6) + "11";
            assertThat(CHECK.check(sortCode, account)).as("%s %s", sortCode, account)
                    .isNotEqualTo(ModulusCheck.Result.NOT_CHECKED);
            if (row.exception() == 6) {
                assertThat(CHECK.check(sortCode, foreignCurrency)).isEqualTo(ModulusCheck.Result.NOT_CHECKED);
            }
        }
    }
}
