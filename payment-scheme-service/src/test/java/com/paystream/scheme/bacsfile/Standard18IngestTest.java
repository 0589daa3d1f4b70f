package com.paystream.scheme.bacsfile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Standard18IngestTest {
    private final List<Standard18Credit> credits = new ArrayList<>();

    private static Standard18Ingest.Source fileOf(List<String> records) {
        String file = String.join("\n", records) + "\n";
        return () -> new StringReader(file);
    }

    @Test
    void givenAGoodFile_whenIngested_thenEachCreditIsHandedOutOnce() throws IOException {
        InputReport report = Standard18Ingest.validateThenRead(fileOf(Standard18ReaderTest.goodFile()), credits::add);

        assertThat(report.accepted()).isTrue();
        assertThat(credits).extracting(Standard18Credit::record).containsExactly(5, 6, 7, 15, 16);
    }

    @Test
    void givenAFileWhoseLastTrailerIsWrong_whenIngested_thenNoCreditIsHandedOutAtAll() throws IOException {
        List<String> records = Standard18ReaderTest.goodFile();
        records.set(21, records.get(21).replace("0000003", "0000009"));

        InputReport report = Standard18Ingest.validateThenRead(fileOf(records), credits::add);

        assertThat(report.accepted()).isFalse();
        assertThat(credits).isEmpty();
    }

    @Test
    void givenAFileOf100000Credits_whenIngested_thenMemoryHeldDoesNotGrowWithTheFile() throws IOException {
        int records = 100_000;
        long[] heldAtTenThousand = new long[1];
        long[] heldAtTheEnd = new long[1];
        long[] seen = new long[1];

        InputReport report = Standard18Ingest.validateThenRead(() -> new GeneratedFile(records), credit -> {
            seen[0]++;
            if (seen[0] == 10_000) {
                heldAtTenThousand[0] = heapHeld();
            } else if (seen[0] == records) {
                heldAtTheEnd[0] = heapHeld();
            }
        });

        assertThat(report.problems()).isEmpty();
        assertThat(report.credits()).isEqualTo(records);
        assertThat(report.creditTotalPence()).isEqualTo(GeneratedFile.PENCE * records);
        // Holding the 90,000 records read in between would take well over 20 MB (100 characters each, as Strings).
        assertThat(heldAtTheEnd[0] - heldAtTenThousand[0]).isLessThan(8L * 1024 * 1024);
    }

    private static long heapHeld() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
