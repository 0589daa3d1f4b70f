package com.paystream.scheme.files;

import com.paystream.scheme.bacsfile.Standard18Credit;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.store.StreamWrite;
import com.paystream.scheme.config.SchemeConfig;
import com.paystream.scheme.inbound.Receipts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Receives the payments of an accepted file, one per credit record, as the JSON delivery receives one
 * ({@link Receipts}): in batches, each one atomic write of new {@code payment-} streams, a few batches in flight. A
 * batch that meets a payment already there (a resend finishing an interrupted ingest) is written again one payment
 * at a time, each skipped where it exists: a credit record is received once, however often its file comes.
 */
@ApplicationScoped
public class FilePayments {
    @Inject
    EventStore store;
    @Inject
    SchemeConfig config;
    @Inject
    Clock clock;

    /** The details of the payment a credit record is. */
    static InboundPaymentDetails details(Standard18Credit credit) {
        return new InboundPaymentDetails(
                BacsFiles.schemeTransactionId(credit.serialNumber(), credit.processingDay(), credit.record()),
                new Party(credit.originatorName(), credit.originatingSortCode(), credit.originatingAccount()),
                new Party(credit.destinationName(), credit.destinationSortCode(), credit.destinationAccount()),
                Money.pence(credit.amountPence()), credit.reference(), credit.processingDay());
    }

    /** A writer for one file's credits, correlated to {@code correlationId}; {@link Writer#finish()}, then close it. */
    public Writer writer(String correlationId) {
        return new Writer(correlationId);
    }

    /**
     * Takes a file's credits as they are read and writes them; {@link #finish()} waits for every write. Once a write
     * has failed, the next credit throws its failure (the reading stops: a resend finishes the file).
     */
    public final class Writer implements Consumer<Standard18Credit>, AutoCloseable {
        private final String correlationId;
        private final int batchSize = Math.max(1, config.files().batchSize());
        private final int inFlight = Math.max(1, config.files().writeConcurrency());
        private final ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        private final Semaphore slots = new Semaphore(inFlight);
        private final List<Future<?>> writes = new ArrayList<>();
        private final AtomicLong created = new AtomicLong();
        private List<StreamWrite> batch = new ArrayList<>();
        private volatile RuntimeException failed;

        private Writer(String correlationId) {
            this.correlationId = correlationId;
        }

        @Override
        public void accept(Standard18Credit credit) {
            InboundPaymentDetails details = details(credit);
            batch.add(Receipts.firstWrite(details, Causation.command("receive:" + details.schemeTransactionId(),
                    correlationId).unique(), clock.instant()));
            if (batch.size() == batchSize) {
                submit();
            }
        }

        /**
         * Writes what is left and waits for every write; the payments this writer created (not those it found).
         *
         * @throws RuntimeException the first write's failure (the store unavailable, ...), after all have ended
         */
        public long finish() {
            try {
                if (!batch.isEmpty()) {
                    submit();
                }
                RuntimeException failure = null;
                for (Future<?> write : writes) {
                    try {
                        write.get();
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                    : new IllegalStateException(e.getCause());
                        }
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return created.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing a file's payments", e);
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }

        private void submit() {
            if (failed != null) {
                throw failed;
            }
            List<StreamWrite> full = batch;
            batch = new ArrayList<>(batchSize);
            slots.acquireUninterruptibly();
            writes.add(pool.submit(() -> {
                try {
                    write(full);
                } catch (RuntimeException e) {
                    failed = e;
                    throw e;
                } finally {
                    slots.release();
                }
            }));
        }

        private void write(List<StreamWrite> writes) {
            try {
                store.appendAtomically(writes.toArray(StreamWrite[]::new));
                created.addAndGet(writes.size());
                return;
            } catch (RevisionConflictException somePaymentExists) {
                // fall through: one at a time
            }
            for (StreamWrite write : writes) {
                try {
                    store.append(write);
                    created.incrementAndGet();
                } catch (RevisionConflictException exists) {
                    // this credit record was received before (the same file, an earlier ingest): nothing new
                }
            }
        }
    }
}
