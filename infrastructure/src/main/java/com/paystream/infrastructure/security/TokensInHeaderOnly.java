package com.paystream.infrastructure.security;

import com.paystream.infrastructure.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request that carries an access token in its query string ({@code ?access_token=}, RFC 6750 section 2.3):
 * URLs end up in logs, browser histories and proxies, so a token there is as good as leaked. Such a request is a 401
 * even if it also has a valid {@code Authorization} header, and nothing it asks for is done.
 */
public class TokensInHeaderOnly {
    static final String QUERY_PARAMETER = "access_token";

    @ServerRequestFilter(preMatching = true)
    public Response refuseTokenInQuery(ContainerRequestContext request) {
        // most requests have no query at all: its parameters are decoded only when there is one (the name may come
        // percent-encoded, so nothing short of decoding tells)
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null && !query.isEmpty()
                && request.getUriInfo().getQueryParameters().containsKey(QUERY_PARAMETER)) {
            return ProblemMappers.unauthenticated(request.getUriInfo().getPath());
        }
        return null;
    }
}
