package com.paystream.scheme.files;

import com.paystream.scheme.bacsfile.GeneratedFile;
import com.paystream.scheme.bacsfile.Standard18Credit;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.scheme.inbound.Receipts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asCustomer;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The scheme uploads Standard 18 files: the fixture {@code two-originators.txt} (ACME WIDGETS LTD's three credits and
 * their contra, records 5-8; NORTHWIND PAYROLL's two credits, a direct debit and two contras, records 15-19), each
 * test under a serial number of its own.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class InboundFilesApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final AtomicInteger SERIALS = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final List<Integer> CREDITS = List.of(5, 6, 7, 15, 16);

    @Inject
    EventStore store;

    private final String serial = "T" + String.format("%05d", SERIALS.incrementAndGet() % 100_000);

    /** The fixture under {@code serial}, with record {@code number} (from 1) replaced when given. */
    private static String file(String serial, Map<Integer, String> replaced) {
        List<String> records = new java.util.ArrayList<>(GeneratedFile.twoOriginators());
        for (int i = 0; i < records.size(); i++) {
            String record = records.get(i);
            if (record.startsWith("VOL1")) {
                record = record.substring(0, 4) + serial + record.substring(10);
            } else if (record.startsWith("HDR1") || record.startsWith("EOF1")) {
                record = record.substring(0, 21) + serial + record.substring(27);
            }
            records.set(i, replaced.getOrDefault(i + 1, record));
        }
        return String.join("\n", records) + "\n";
    }

    private String file() {
        return file(serial, Map.of());
    }

    private static ExtractableResponse<Response> upload(RequestSpecification as, String file, int status) {
        return as.contentType("text/plain").body(file.getBytes(StandardCharsets.US_ASCII)).post("/inbound-files")
                .then().statusCode(status).extract();
    }

    private String paymentStream(int record) {
        return PaymentStreams.payment(Receipts.paymentIdOf(BacsFiles.schemeTransactionId(serial, DAY, record)));
    }

    private List<InboundPaymentReceived> received(int record) {
        return store.load(paymentStream(record)).payloads().stream()
                .filter(InboundPaymentReceived.class::isInstance).map(InboundPaymentReceived.class::cast).toList();
    }

    private List<BacsFileEvent> fileEvents() {
        return store.load(BacsFiles.stream(serial, DAY), BacsFiles.CODEC).payloads();
    }

    @Test
    void aValidFileIsAcceptedWithOnePaymentPerCreditRecord() {
        ExtractableResponse<Response> answer = upload(asScheme(), file(), 201);

        assertThat(answer.header("Location")).endsWith("/inbound-files/" + serial + "/2026-11-26");
        assertThat(answer.<String>path("outcome")).isEqualTo("ACCEPTED");
        assertThat(answer.<Integer>path("paymentsCreated")).isEqualTo(5);
        assertThat(answer.<String>path("file.state")).isEqualTo("INGESTED");
        assertThat(answer.<Integer>path("file.creditTotalPence")).isEqualTo(125_050 + 4_999 + 300_000 + 250_000
                + 180_075);
        for (int record : CREDITS) {
            assertThat(received(record)).as("record " + record).hasSize(1);
        }
    }

    @Test
    void aCreditRecordBecomesAPaymentWithTheRecordsDetails() {
        upload(asScheme(), file(), 201);

        InboundPaymentDetails details = received(5).get(0).details();
        assertThat(details).isEqualTo(new InboundPaymentDetails("S18-" + serial + "-20261126-5",
                new Party("ACME WIDGETS LTD", "089999", "66374958"), new Party("JANE DOE", "107999", "88837491"),
                Money.pence(125_050), "INV 2026/0042", DAY));
    }

    @Test
    void contrasAndDebitsAreCountedButBecomeNoPayment() {
        ExtractableResponse<Response> answer = upload(asScheme(), file(), 201);

        assertThat(answer.<Integer>path("file.contras")).isEqualTo(3);
        assertThat(answer.<Integer>path("file.debits")).isEqualTo(1);
        for (int record : List.of(8, 17, 18, 19)) {
            assertThat(store.load(paymentStream(record)).exists()).as("record " + record).isFalse();
        }
    }

    @Test
    void theSameFileSentAgainCreatesNothingNewAndAnswersTheSameSummary() {
        Map<String, Object> first = upload(asScheme(), file(), 201).path("file");

        ExtractableResponse<Response> again = upload(asScheme(), file(), 200);

        assertThat(again.<String>path("outcome")).isEqualTo("ALREADY_INGESTED");
        assertThat(again.<Integer>path("paymentsCreated")).isZero();
        assertThat(again.<Map<String, Object>>path("file")).isEqualTo(first);
        for (int record : CREDITS) {
            assertThat(received(record)).as("record " + record).hasSize(1);
        }
        assertThat(fileEvents()).hasSize(2);
    }

    @Test
    void anotherFileWithTheSameSerialNumberAndDayIsRefusedAsADuplicateAndWritesNothing() {
        upload(asScheme(), file(), 201);
        String other = file(serial, Map.of(5, GeneratedFile.twoOriginators().get(4).replace("JANE DOE", "JANE ROE")));

        upload(asScheme(), other, 409).response().then().contentType(PROBLEM)
                .body("type", equalTo("urn:paystream:problem:duplicate-bacs-file"));

        assertThat(received(5).get(0).details().beneficiary().name()).isEqualTo("JANE DOE");
        assertThat(fileEvents()).hasSize(2);
    }

    @Test
    void aFileWithErrorsIsRefusedWholeWithAReportNamingEachBadRecordAndWritesNothing() {
        String good = GeneratedFile.twoOriginators().get(5);
        String bad = file(serial, Map.of(6, good.substring(0, 35) + "0000000499X" + good.substring(46),
                15, GeneratedFile.twoOriginators().get(14).substring(0, 99)));

        upload(asScheme(), bad, 422).response().then().contentType(PROBLEM)
                .body("type", equalTo("urn:paystream:problem:bacs-file-refused"))
                .body("status", equalTo(422))
                .body("problemCount", equalTo(2))
                .body("problems.find { it.record == 6 }.field", equalTo("amount"))
                .body("problems.find { it.record == 15 }.field", equalTo("length"))
                .body("problems.reason", hasItem("a data record is 100 characters, not 99"));

        assertThat(fileEvents()).isEmpty();
        assertThat(store.load(paymentStream(5)).exists()).isFalse();
    }

    @Test
    void anIngestInterruptedAfterSomePaymentsIsFinishedByAResend() throws Exception {
        String file = file();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(file.getBytes(StandardCharsets.US_ASCII)));
        store.append(BacsFiles.stream(serial, DAY), Expected.noStream(), Causation.command("test-accept", serial),
                List.of(new BacsFileAccepted(serial, DAY, sha256, 2, 5, 860_124, 1, 3, Instant.now())),
                BacsFiles.CODEC);
        Standard18Credit first = new Standard18Credit(serial, DAY, 5, "99", "107999", "88837491", "JANE DOE",
                "089999", "66374958", "ACME WIDGETS LTD", "INV 2026/0042", 125_050);
        store.append(Receipts.firstWrite(FilePayments.details(first), Causation.command("test-receive", serial),
                Instant.now()));

        ExtractableResponse<Response> resent = upload(asScheme(), file, 200);

        assertThat(resent.<String>path("outcome")).isEqualTo("RESUMED");
        assertThat(resent.<Integer>path("paymentsCreated")).isEqualTo(4);
        assertThat(resent.<String>path("file.state")).isEqualTo("INGESTED");
        for (int record : CREDITS) {
            assertThat(received(record)).as("record " + record).hasSize(1);
        }
    }

    @Test
    void aDeliveredFilesStatusIsReadByStaff() {
        upload(asScheme(), file(), 201);

        asAuditor().get("/inbound-files/" + serial + "/2026-11-26").then().statusCode(200)
                .body("state", equalTo("INGESTED"))
                .body("credits", equalTo(5));
    }

    @Test
    void aFileNeverDeliveredIsNotFound() {
        asAuditor().get("/inbound-files/" + serial + "/2026-11-26").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aFileUploadedWithoutATokenIsUnauthenticatedAndWritesNothing() {
        upload(given(), file(), 401);

        assertThat(fileEvents()).isEmpty();
    }

    @Test
    void aFileUploadedByAnyoneButTheSchemeIsForbiddenAndWritesNothing() {
        upload(asAuditor(), file(), 403);
        upload(asCustomer("C-1001"), file(), 403);

        assertThat(fileEvents()).isEmpty();
    }
}
