package com.paystream.scheme;

import com.paystream.infrastructure.testing.StandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Stands in for the services this one calls: the scheme's intake ({@code POST /simulator/outbound-payments}, answered
 * 201) and sanctions-service's screenings ({@code GET /screenings/{id}}, answered with a cleared screening), recording
 * every call with its {@code Authorization} header.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {
    private static StandIn services;

    @Override
    public Map<String, String> start() {
        services = StandIn.start()
                .answer("/simulator/outbound-payments", 201, call -> "{\"schemeTransactionId\":\"accepted\"}")
                .answer("/screenings/", 200, call -> "{\"paymentId\":\""
                        + call.path().substring("/screenings/".length()) + "\",\"decision\":\"CLEARED\",\"matches\":[]}");
        return Map.of("scheme.outbound.scheme-url", services.url(), "scheme.sanctions.url", services.url());
    }

    /** The calls made to {@code path} so far. */
    public static List<StandIn.Call> callsTo(String path) {
        return services.callsTo(path);
    }

    /** The calls made to {@code path} for one payment (its id is the correlation id of a submission). */
    public static List<StandIn.Call> callsTo(String path, String correlationId) {
        return callsTo(path).stream().filter(call -> correlationId.equals(call.correlationId())).toList();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
    }
}
