package com.paystream.simulator.files;

import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.simulator.generate.PaymentGenerator;
import com.paystream.simulator.generate.Standard18FileMaker;
import com.paystream.simulator.send.SchemeGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Makes a Standard 18 file to plan, records it ({@code SchemeFileSent}, before the upload, so a crash mid-way still
 * leaves a trace), uploads it to the bank and records the answer or the failure, on {@code schemefile-{serial}}. The
 * file goes through a temporary file, deleted afterwards: a file of 100,000 credits is never held in memory.
 */
@ApplicationScoped
public class FileDeliveries {
    @Inject
    EventStore store;
    @Inject
    SchemeGateway gateway;
    @Inject
    PaymentGenerator generator;
    @Inject
    Clock clock;

    /** One upload as the simulator reports it. */
    public record FileDelivery(String serialNumber, SchemeFileSent file, int httpStatus, String outcome,
                               Long paymentsCreated, String problemType, String detail, String failure) {
    }

    /** Writes the planned file to {@code out}; what it holds. */
    public Standard18FileMaker.Contents write(Standard18FileMaker.Plan plan, Writer out) throws IOException {
        return new Standard18FileMaker(generator).write(plan, out);
    }

    public FileDelivery send(Standard18FileMaker.Plan plan) {
        Path file = null;
        try {
            file = Files.createTempFile("schemefile-", ".s18");
            Standard18FileMaker.Contents contents;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                contents = write(plan, out);
            }
            String stream = SchemeFiles.stream(plan.serialNumber());
            String attempt = UUID.randomUUID().toString();
            SchemeFileSent sent = new SchemeFileSent(plan.serialNumber(), plan.processingDay(), plan.creationDay(),
                    plan.originators(), plan.seed(), contents.groups(), contents.credits(),
                    contents.creditTotalPence(), contents.debits(), contents.contras(), clock.instant());
            record(stream, attempt, "sent", sent);
            SchemeGateway.FileOutcome outcome = gateway.upload(file, "FILE-" + plan.serialNumber());
            if (outcome.delivered()) {
                record(stream, attempt, "answered", new SchemeFileAnswered(plan.serialNumber(),
                        outcome.httpStatus(), outcome.outcome(), outcome.paymentsCreated(), outcome.problemType(),
                        outcome.detail(), clock.instant()));
            } else {
                record(stream, attempt, "failed", new SchemeFileDeliveryFailed(plan.serialNumber(),
                        outcome.failure(), clock.instant()));
            }
            return new FileDelivery(plan.serialNumber(), sent, outcome.httpStatus(), outcome.outcome(),
                    outcome.paymentsCreated(), outcome.problemType(), outcome.detail(), outcome.failure());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make file " + plan.serialNumber(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The plan a file was first sent with: sending it again sends the same file. */
    public static Standard18FileMaker.Plan planOf(SchemeFileSent sent) {
        return new Standard18FileMaker.Plan(sent.serialNumber(), sent.processingDay(), sent.creationDay(),
                (int) sent.credits(), sent.originators(), sent.seed());
    }

    private void record(String stream, String attempt, String step, SchemeFileEvent event) {
        store.append(stream, Expected.any(), Causation.command("scheme-file:" + attempt + ":" + step,
                "FILE-" + event.serialNumber()), List.of(event), SchemeFiles.CODEC);
    }
}
