package com.paystream.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers a payment as the scheme does: a delivery that got no answer, or an answer that it could not be handled now
 * (5xx), is sent again after a pause, as often as {@code attempts} allows. Safe because the gateway is idempotent (the
 * same transaction is the same payment), and it keeps a run with a fault injected (a store restart, a service killed)
 * going to its verdict.
 */
final class Delivery {
    private final HttpClient http;
    private final int attempts;
    private final Duration pause;

    Delivery(HttpClient http, int attempts, Duration pause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.http = http;
        this.attempts = attempts;
        this.pause = pause;
    }

    /** The first answer that is not a 5xx, or the last one (or its failure) when every attempt was used. */
    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return send(request, 1);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request, int attempt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            boolean again = attempt < attempts && (error != null || response.statusCode() >= 500);
            if (!again) {
                return error == null ? CompletableFuture.completedFuture(response)
                        : CompletableFuture.<HttpResponse<String>>failedFuture(error);
            }
            Executor later = CompletableFuture.delayedExecutor(pause.toMillis() * attempt, TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> request, later).thenCompose(same -> send(same, attempt + 1));
        }).thenCompose(next -> next).exceptionallyCompose(error -> CompletableFuture.failedFuture(
                error instanceof CompletionException && error.getCause() != null ? error.getCause() : error));
    }
}
