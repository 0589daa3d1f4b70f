package com.paystream.infrastructure.security;

import io.quarkus.oidc.client.spi.TokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * This service's own access token, for the calls it makes to another service: got from the identity provider by
 * client credentials ({@code quarkus.oidc-client.*}: the service's client id and secret), kept and refreshed before it
 * expires, so a call costs no round trip to the identity provider. Only for a service that turns the client on
 * ({@code quarkus.oidc-client.client-enabled=true}).
 */
@ApplicationScoped
public class ServiceTokens {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    TokenProvider tokens;

    /**
     * The {@code Authorization} header value for a call to another service. Callable from any thread (an HTTP
     * request's, a consumer group's, a batch's own): the client's token provider lives in a request context, so one
     * is active for the call; the token itself is kept across calls by the client.
     */
    @ActivateRequestContext
    public String authorization() {
        try {
            return "Bearer " + tokens.getAccessToken().await().atMost(WAIT);
        } catch (RuntimeException e) {
            throw new TokenUnavailableException(e);
        }
    }

    /** The identity provider did not give this service a token (unreachable, or it refused the client). */
    public static final class TokenUnavailableException extends RuntimeException {
        TokenUnavailableException(Throwable cause) {
            super("No access token from the identity provider for this service's call: " + cause.getMessage(), cause);
        }
    }
}
