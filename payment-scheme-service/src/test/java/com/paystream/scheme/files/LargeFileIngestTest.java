package com.paystream.scheme.files;

import com.paystream.scheme.bacsfile.GeneratedFile;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.RawEventPage;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file of 100,000 credits through the upload, alone: the reactions and read models are off, so what is measured (and
 * logged) is the upload, its two readings and the writing of the payments.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@TestProfile(LargeFileIngestTest.IngestOnly.class)
class LargeFileIngestTest {
    private static final Logger LOG = Logger.getLogger(LargeFileIngestTest.class);
    private static final int CREDITS = 100_000;

    public static class IngestOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventstore.subscriptions.enabled", "false", "eventstore.read-models.enabled", "false");
        }
    }

    @Inject
    EventStore store;

    private static ExtractableResponse<Response> upload(byte[] file, int status) {
        return asScheme().contentType("text/plain").body(file).post("/inbound-files")
                .then().statusCode(status).extract();
    }

    /** Every payment stream's first event, counted from the category stream. */
    private long paymentsInTheStore() {
        long count = 0;
        long from = 0;
        while (true) {
            RawEventPage page = store.readPage(PaymentStreams.byCategory(PaymentStreams.PAYMENT_CATEGORY), from, 4096);
            count += page.events().size();
            if (page.nextRevision() == null) {
                return count;
            }
            from = page.nextRevision();
        }
    }

    @Test
    void aFileOfOneHundredThousandCreditsMakesExactlyThatManyPaymentsAndItsResendNone() {
        byte[] file = GeneratedFile.bytes(CREDITS, "LARGE1");

        long start = System.nanoTime();
        ExtractableResponse<Response> first = upload(file, 201);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ExtractableResponse<Response> again = upload(file, 200);
        long againMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("A file of %,d credits (%,d bytes): accepted and its payments made in %,d ms (%,d payments/s); "
                + "sent again in %,d ms", CREDITS, file.length, firstMillis, CREDITS * 1000L / firstMillis, againMillis);

        assertThat(first.<Integer>path("paymentsCreated")).isEqualTo(CREDITS);
        assertThat(first.<Number>path("file.creditTotalPence").longValue()).isEqualTo(GeneratedFile.PENCE * CREDITS);
        assertThat(again.<Integer>path("paymentsCreated")).isZero();
        assertThat(paymentsInTheStore()).isEqualTo(CREDITS);
    }
}
