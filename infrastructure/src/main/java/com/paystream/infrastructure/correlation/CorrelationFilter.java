package com.paystream.infrastructure.correlation;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads {@code X-Correlation-Id} (or makes a new one when missing or not a plain token), keeps it for the request
 * ({@link CorrelationId}), puts it in the log MDC as {@code correlationId}, and echoes it on the response.
 */
public class CorrelationFilter {
    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Inject
    CorrelationId correlationId;

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String value = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        correlationId.set(value);
        request.setProperty(MDC_KEY, value);
        MDC.put(MDC_KEY, value);
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object value = request.getProperty(MDC_KEY);
        if (value != null) {
            response.getHeaders().putSingle(HEADER, value.toString());
        }
        MDC.remove(MDC_KEY);
    }
}
