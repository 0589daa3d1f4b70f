package com.paystream.infrastructure.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.paystream.events.EventJson;
import com.paystream.infrastructure.client.EventStoreConfig;
import com.paystream.infrastructure.correlation.CorrelationFilter;
import com.paystream.infrastructure.security.Caller;
import com.paystream.infrastructure.store.RevisionConflictException;
import com.paystream.infrastructure.store.StoreAccessDeniedException;
import com.paystream.infrastructure.store.StoreUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place exceptions become HTTP answers, all RFC 9457 {@code application/problem+json}:
 * <ul>
 *   <li>{@link ValidationProblem} 400 (with {@code errors}), malformed JSON body 400, a query, path or header
 *       parameter that does not read 400 naming it ({@link StrictParameters});</li>
 *   <li>{@link NotFoundProblem} and unknown paths 404;</li>
 *   <li>{@link RuleViolation} 409 with the rule's {@code type};</li>
 *   <li>{@link RevisionConflictException}: 412 when the request had {@code If-Match}, else 409
 *       {@code concurrent-modification}; {@link PreconditionFailedProblem} 412;</li>
 *   <li>{@link StoreUnavailableException} 503 with {@code Retry-After};</li>
 *   <li>{@link StoreAccessDeniedException} 500 {@code store-access-denied} (logged as an error);</li>
 *   <li>no access token, or one that is not valid (expired, signed by another key, for another audience or issuer)
 *       401 (with {@code WWW-Authenticate: Bearer}), a token without the role the endpoint needs 403;</li>
 *   <li>anything else 500, with no internals (the correlation id to quote, and the log has the rest).</li>
 * </ul>
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    @Inject
    EventStoreConfig config;
    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(new Problem(e.type(), e.title(), e.status(), e.detail(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response conflict(RevisionConflictException e, UriInfo uri, HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            return answer(new Problem(Problem.type("stale-revision"), "Precondition failed", 412,
                    "The resource changed since the revision in If-Match", path(uri), null));
        }
        return answer(new Problem(Problem.type("concurrent-modification"), "Concurrent modification", 409,
                "The resource was changed by another request; read it again and retry", path(uri), null));
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e, UriInfo uri) {
        LOG.warnf("Answering 503: %s", e.getMessage());
        Response.ResponseBuilder response = builder(new Problem(Problem.type("store-unavailable"),
                "Service unavailable", 503, "The event store is unavailable; try again later", path(uri), null));
        return response.header(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds())).build();
    }

    /** The store refused this service (its EventStoreDB user or a stream's ACL): a fault of set-up, not of the caller. */
    @ServerExceptionMapper
    public Response refusedByStore(StoreAccessDeniedException e, UriInfo uri) {
        LOG.errorf(e, "Answering 500: %s", e.getMessage());
        return answer(new Problem(Problem.type("store-access-denied"), "Internal Server Error", 500,
                "The event store refused this service access; the operators must check its EventStoreDB user and "
                        + "the stream access lists", path(uri), null));
    }

    /** No access token, or one that is not valid: 401 with the scheme to use. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return unauthenticated(path(uri));
    }

    /** The 401 every refused sign-in gets: no hint of why a token was refused (the log says). */
    public static Response unauthenticated(String path) {
        return builder(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                "Send a valid access token from the bank's identity provider (Authorization: Bearer)", path, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paystream\"").build();
    }

    /** Signed in, without the role the endpoint needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(new Problem(Problem.type("forbidden"), "Forbidden", 403, Caller.of(identity).name()
                + " does not have the role this needs", path(uri), null));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return answer(malformed(e, uri));
    }

    /** Quarkus maps these two itself (as plain JSON); named here so ours, problem+json, win. */
    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return answer(malformed(e, uri));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return answer(malformed(e, uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException) {
            return answer(malformed((JsonProcessingException) cause, uri));
        }
        if (cause instanceof ProblemException problem) {
            return problem(problem, uri); // a parameter StrictParameters refused, inside the 404 or 400 of JAX-RS
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request refused";
        String slug = status == 404 ? "not-found" : "http-" + status;
        Response.ResponseBuilder builder = builder(new Problem(Problem.type(slug), title, status, null, path(uri),
                null));
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Object correlationId = MDC.get(CorrelationFilter.MDC_KEY);
        LOG.errorf(e, "Unexpected failure answering %s (correlation id %s)", path(uri), correlationId);
        return answer(new Problem(Problem.type("internal-error"), "Internal server error", 500,
                "An unexpected error occurred" + (correlationId != null ? "; quote correlation id " + correlationId
                        : ""), path(uri), null));
    }

    private static Problem malformed(JsonProcessingException e, UriInfo uri) {
        List<FieldError> errors = null;
        String detail = "The request body is not valid JSON";
        if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
            String field = ((JsonMappingException) e).getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            errors = List.of(new FieldError(field, e instanceof StrictJson.UnsafeText unsafe
                    ? unsafe.getOriginalMessage() : "missing or of the wrong type"));
            detail = "The request body does not match the expected shape";
        }
        return new Problem(Problem.type("malformed-request-body"), "Malformed request body", 400, detail, path(uri),
                errors);
    }

    private static String path(UriInfo uri) {
        return uri != null ? uri.getPath() : null;
    }

    private static Response answer(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                    .entity(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
