package com.paystream.scheme.inbound;

import com.paystream.infrastructure.readmodel.ReadModelRunner;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.scheme.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A payment's processing date against the Bacs calendar and the three-day cycle, on a clock the test moves: credited
 * at once when its entry day has come, returned when it is over, scheduled until it comes, and released on the day.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class ProcessingDaysTest {
    private static final Instant MONDAY_7_DECEMBER = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant TUESDAY_8_DECEMBER = Instant.parse("2026-12-08T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    MovableClock clock;
    @Inject
    ScheduledPayments scheduled;
    @Inject
    ReleaseOnEntryDay release;
    @Inject
    ReadModelRunner readModels;

    @BeforeEach
    void onMonday7December() {
        clock.set(MONDAY_7_DECEMBER);
    }

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }

    private static String deliver(LocalDate processingDate) {
        String body = """
                {"schemeTransactionId":"TX-%s",
                 "originator":{"name":"ACME WIDGETS LTD","sortCode":"089999","accountNumber":"66374958"},
                 "beneficiary":{"name":"JANE DOE","sortCode":"107999","accountNumber":"88837491"},
                 "amount":{"minorUnits":4200,"currency":"GBP"},
                 "reference":"INV 42","processingDate":"%s"}
                """.formatted(UUID.randomUUID(), processingDate);
        return asScheme().contentType(ContentType.JSON).body(body).post("/inbound-payments")
                .then().statusCode(202).extract().path("paymentId");
    }

    private static JsonPath awaitStatus(String paymentId, String status) {
        await().atMost(WAIT).untilAsserted(() -> asAuditor().get("/payments/" + paymentId)
                .then().statusCode(200).body("status", equalTo(status)));
        return asAuditor().get("/payments/" + paymentId).then().extract().jsonPath();
    }

    private static String scheduledOn7DecemberForThe8th() {
        String paymentId = deliver(LocalDate.of(2026, 12, 7));
        awaitStatus(paymentId, "SCHEDULED");
        return paymentId;
    }

    @Test
    void aPaymentWhoseEntryDayIsTodayIsValidatedAtOnce() {
        // processed on Friday 4 December: its entry day is Monday 7 December, today
        String paymentId = deliver(LocalDate.of(2026, 12, 4));

        awaitStatus(paymentId, "VALIDATED");
    }

    @Test
    void aPaymentWhoseEntryDayIsOverIsReturnedWithTheSchemesReason() {
        // processed on Thursday 3 December: its entry day, Friday 4 December, is over on Monday
        String paymentId = deliver(LocalDate.of(2026, 12, 3));

        JsonPath payment = awaitStatus(paymentId, "RETURNED");
        assertThat(payment.getList("timeline.event.detail", String.class))
                .contains("Processing date 2026-12-03 has passed: its entry day 2026-12-04 is over");
    }

    @Test
    void aPaymentForASaturdayIsReturnedAsNotAProcessingDay() {
        String paymentId = deliver(LocalDate.of(2026, 12, 5));

        JsonPath payment = awaitStatus(paymentId, "RETURNED");
        assertThat(payment.getList("timeline.event.detail", String.class))
                .contains("Processing date 2026-12-05 is not a working day");
    }

    @Test
    void aPaymentProcessedMoreThanFortyDaysAheadIsReturned() {
        String paymentId = deliver(LocalDate.of(2027, 2, 1));

        JsonPath payment = awaitStatus(paymentId, "RETURNED");
        assertThat(payment.getList("timeline.event.detail", String.class))
                .anySatisfy(detail -> assertThat(detail).contains("more than 40 days ahead"));
    }

    @Test
    void aPaymentWhoseEntryDayIsToComeIsScheduledForItAndListedSo() {
        String paymentId = deliver(LocalDate.of(2026, 12, 7));

        JsonPath payment = awaitStatus(paymentId, "SCHEDULED");
        assertThat(payment.getList("timeline.type", String.class))
                .containsExactly("InboundPaymentReceived", "InboundPaymentScheduled");
        assertThat(payment.getString("timeline[1].event.entryDay")).isEqualTo("2026-12-08");
        await().atMost(WAIT).untilAsserted(() -> asAuditor().queryParam("status", "SCHEDULED").get("/payments")
                .then().statusCode(200).body("paymentId", hasItem(paymentId)));
        assertThat(asAuditor().get("/payments/counts").then().statusCode(200).extract()
                .<Integer>path("byStatus.SCHEDULED")).isPositive();
    }

    @Test
    void movingTheClockToItsEntryDayReleasesItOnce() throws InterruptedException {
        String paymentId = scheduledOn7DecemberForThe8th();

        clock.set(TUESDAY_8_DECEMBER);

        awaitStatus(paymentId, "VALIDATED");
        Thread.sleep(2_500); // more checks of the job, every second in the tests
        JsonPath payment = asAuditor().get("/payments/" + paymentId).then().extract().jsonPath();
        assertThat(payment.getList("timeline.type", String.class))
                .containsExactly("InboundPaymentReceived", "InboundPaymentScheduled", "InboundPaymentValidated");
        assertThat(payment.getString("timeline[2].causationId")).isNotBlank();
    }

    @Test
    void aScheduledPaymentWaitsWhileItsEntryDayHasNotCome() throws InterruptedException {
        String paymentId = scheduledOn7DecemberForThe8th();

        Thread.sleep(2_500); // more checks of the job, every second in the tests

        awaitStatus(paymentId, "SCHEDULED");
    }

    @Test
    void aSecondReleaseOfTheSamePaymentAppendsNothing() {
        String paymentId = scheduledOn7DecemberForThe8th();
        await().atMost(WAIT).until(() -> scheduled.dueOn(LocalDate.of(2026, 12, 8)).stream()
                .anyMatch(payment -> payment.paymentId().equals(paymentId)));
        ScheduledPayments.Waiting seenByAnotherInstance = scheduled.dueOn(LocalDate.of(2026, 12, 8)).stream()
                .filter(payment -> payment.paymentId().equals(paymentId)).findFirst().orElseThrow();
        clock.set(TUESDAY_8_DECEMBER);
        int revision = awaitStatus(paymentId, "VALIDATED").getInt("revision");

        release.release(seenByAnotherInstance);

        assertThat(asAuditor().get("/payments/" + paymentId).then().extract().jsonPath().getInt("revision"))
                .isEqualTo(revision);
    }

    @Test
    void aReleaseRacingAnotherWriterAppendsNothing() {
        String paymentId = scheduledOn7DecemberForThe8th();
        await().atMost(WAIT).until(() -> !scheduled.dueOn(LocalDate.of(2026, 12, 8)).isEmpty());
        ScheduledPayments.Waiting waiting = scheduled.dueOn(LocalDate.of(2026, 12, 8)).stream()
                .filter(payment -> payment.paymentId().equals(paymentId)).findFirst().orElseThrow();
        // another instance released it with event ids of its own: the timeline moved past the scheduled event
        ScheduledPayments.Waiting otherInstance = new ScheduledPayments.Waiting(waiting.paymentId(),
                waiting.details(), waiting.entryDay(), waiting.revision(), waiting.scheduledEvent().unique());
        assertThat(release.release(otherInstance)).isTrue();

        assertThat(release.release(waiting)).isFalse();

        assertThat(asAuditor().get("/payments/" + paymentId).then().extract().jsonPath()
                .getList("timeline.type", String.class)).containsExactly("InboundPaymentReceived",
                "InboundPaymentScheduled", "InboundPaymentValidated");
    }

    @Test
    void afterTheWaitingPaymentsAreRebuiltFromTheTimelinesAPaymentIsStillReleasedOnItsDay() {
        String paymentId = scheduledOn7DecemberForThe8th();

        readModels.rebuild(scheduled.name());
        await().atMost(WAIT).until(() -> scheduled.dueOn(LocalDate.of(2026, 12, 8)).stream()
                .anyMatch(payment -> payment.paymentId().equals(paymentId)));
        clock.set(TUESDAY_8_DECEMBER);

        JsonPath payment = awaitStatus(paymentId, "VALIDATED");
        assertThat(payment.getList("timeline.type", String.class)).containsExactly("InboundPaymentReceived",
                "InboundPaymentScheduled", "InboundPaymentValidated");
    }

    @Test
    void aReleasedPaymentIsNoLongerWaiting() {
        String paymentId = scheduledOn7DecemberForThe8th();
        clock.set(TUESDAY_8_DECEMBER);
        awaitStatus(paymentId, "VALIDATED");

        await().atMost(WAIT).untilAsserted(() -> assertThat(scheduled.dueOn(LocalDate.of(2026, 12, 8)))
                .extracting(ScheduledPayments.Waiting::paymentId).doesNotContain(paymentId));
    }
}
