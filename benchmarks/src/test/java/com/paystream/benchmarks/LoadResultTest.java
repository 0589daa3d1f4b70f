package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The load benchmark's verdict: a run passes only when nothing was lost, doubled, or left unbalanced. */
class LoadResultTest {
    private static final long START = 1_000_000_000L;
    private static final LoadPayments.Account ACCOUNT = new LoadPayments.Account("acc-1", "608371", "50000001",
            "LOAD HOLDER");
    private static final LoadBenchmark.Settings SETTINGS = new LoadBenchmark.Settings(2, 0, 100, 8, 1,
            URI.create("http://localhost:8081"), URI.create("http://localhost:8082"),
            URI.create("http://localhost:8083"), "kurrentdb://localhost:2113?tls=false", Duration.ofSeconds(1), 1,
            SuiteGeneration.SIGNED_IN, new SuiteGeneration.SignIn(Optional::empty, Optional::empty));

    private final Map<String, PaymentTracker.Track> tracks = new HashMap<>();

    private static LoadBenchmark.Sent sent(String paymentId, LoadPayments.Kind kind, long pence) {
        return new LoadBenchmark.Sent(new LoadPayments.Payment(kind, "TX-" + paymentId,
                kind == LoadPayments.Kind.VALID ? ACCOUNT : null, pence, new byte[0]), START, 202, paymentId);
    }

    private void ended(String paymentId, String outcome, int credits) {
        PaymentTracker.Track track = new PaymentTracker.Track();
        track.received = START + 1_000;
        track.validated = START + 2_000;
        track.screened = START + 3_000;
        track.credited = START + 4_000;
        track.ended = START + 4_000;
        track.outcome = outcome;
        track.endings.set(1);
        track.balanceUpdates.set(credits);
        tracks.put(paymentId, track);
    }

    private LoadResult result(List<LoadBenchmark.Sent> sent, long balance, int ledgerLines) {
        return LoadResult.of("test", SETTINGS, List.of(), sent, tracks::get, 10, START, START + 1_000_000,
                Map.of(ACCOUNT.id(), balance), Map.of(ACCOUNT.id(), ledgerLines));
    }

    @Test
    void aRunWhereEveryPaymentEndedAsItMustAndEveryBalanceAddsUpPasses() {
        ended("p-1", "COMPLETED", 1);
        ended("p-2", "RETURNED", 0);

        LoadResult result = result(List.of(sent("p-1", LoadPayments.Kind.VALID, 500),
                sent("p-2", LoadPayments.Kind.INVALID_DETAILS, 700)), 500, 1);

        assertThat(result.passed()).isTrue();
        assertThat(result.endToEnd().samples()).isEqualTo(2);
    }

    @Test
    void aPaymentThatNeverEndedIsCountedLostAndFailsTheRun() {
        ended("p-1", "COMPLETED", 1);

        LoadResult result = result(List.of(sent("p-1", LoadPayments.Kind.VALID, 500),
                sent("p-2", LoadPayments.Kind.VALID, 700)), 500, 1);

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void aPaymentCreditedTwiceFailsTheRun() {
        ended("p-1", "COMPLETED", 2);

        LoadResult result = result(List.of(sent("p-1", LoadPayments.Kind.VALID, 500)), 500, 1);

        assertThat(result.doubleCredited()).isEqualTo(1);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void anAccountHoldingMoreThanItsCreditsFailsTheRun() {
        ended("p-1", "COMPLETED", 1);

        LoadResult result = result(List.of(sent("p-1", LoadPayments.Kind.VALID, 500)), 1_000, 1);

        assertThat(result.balanceMismatches()).isEqualTo(1);
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).contains("holds 1000p"));
    }

    @Test
    void aPaymentThatEndedOtherwiseThanItsKindMustFailsTheRun() {
        ended("p-1", "FAILED", 0);

        LoadResult result = result(List.of(sent("p-1", LoadPayments.Kind.INVALID_DETAILS, 500)), 0, 0);

        assertThat(result.wrongOutcome()).isEqualTo(1);
        assertThat(result.passed()).isFalse();
    }
}
