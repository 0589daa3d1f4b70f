package com.paystream.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The console's own refusals of a caller nobody has signed in, as problem+json like every other answer. A call from
 * the page (its {@code X-Requested-With} header) without a live session gets a 499 rather than a redirect to the
 * identity provider (which {@code fetch} could not follow): the page then keeps what its operator typed and asks them
 * to sign in again. A bearer token that fails its check is a 401 (with the {@code WWW-Authenticate: Bearer} that
 * RFC 6750 asks for). The services' own answers, passed back by {@link ServiceProxy}, already have a body and are
 * left as they are.
 */
public class SignInRequired {
    /** Quarkus OIDC's answer to a script's call that would need a redirect to the identity provider. */
    static final int SESSION_NEEDED = 499;

    @ServerResponseFilter
    public void asProblem(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.hasEntity()) {
            return;
        }
        String instance = request.getUriInfo().getRequestUri().getRawPath();
        if (response.getStatus() == SESSION_NEEDED) {
            response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
            problem(response, new Problems.Problem("urn:paystream:problem:sign-in-required", "Sign in required",
                    SESSION_NEEDED, "No one is signed in to the console here, or the session has ended: sign in again",
                    instance));
        } else if (response.getStatus() == 401) {
            problem(response, new Problems.Problem("urn:paystream:problem:unauthenticated", "Unauthorized", 401,
                    "Sign in first: no session, or a bearer token that is not valid here", instance));
        }
    }

    private static void problem(ContainerResponseContext response, Problems.Problem problem) {
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setEntity(problem);
    }
}
