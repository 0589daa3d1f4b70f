package com.paystream.seeder;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadAllOptions;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One cheap read of {@code $all}, to tell "the store is down" apart from everything else. */
final class StoreCheck {
    private StoreCheck() {
    }

    /** @return empty when the store answered; otherwise why not */
    static java.util.Optional<String> problem(KurrentDBClient client, Duration timeout) {
        try {
            client.readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return java.util.Optional.empty();
        } catch (TimeoutException e) {
            return java.util.Optional.of("no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return java.util.Optional.of(cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        }
    }
}
