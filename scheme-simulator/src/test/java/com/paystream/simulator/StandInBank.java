package com.paystream.simulator;

import com.paystream.infrastructure.testing.StandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the bank's gateway (payment-scheme-service): takes every inbound delivery ({@code POST
 * /inbound-payments}, 202), every file ({@code POST /inbound-files}, 201, seven payments made) and every settlement or
 * return notice ({@code POST /outbound-payments/{id}/…}, 202), recording each call with its {@code Authorization}
 * header and its body.
 */
public class StandInBank implements QuarkusTestResourceLifecycleManager {
    private static StandIn bank;

    @Override
    public Map<String, String> start() {
        bank = StandIn.start()
                .answer("/inbound-payments", 202, call -> "{\"paymentId\":\"" + UUID.randomUUID()
                        + "\",\"status\":\"RECEIVED\"}")
                .answer("/inbound-files", 201, call -> "{\"outcome\":\"ACCEPTED\",\"paymentsCreated\":7}")
                .answer("/outbound-payments/", 202, call -> "{\"alreadyRecorded\":false}");
        return Map.of("simulator.payment-scheme-url", bank.url());
    }

    /** The calls made to {@code path} so far. */
    public static List<StandIn.Call> callsTo(String path) {
        return bank.callsTo(path);
    }

    @Override
    public void stop() {
        if (bank != null) {
            bank.close();
        }
    }
}
