package com.paystream.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Passes the page's calls on to the services: {@code /api/{service}/{path}} goes to that service's {@code /{path}},
 * with the query, the body and the signed-in operator's access token ({@code Authorization: Bearer}), and comes back
 * with the service's status, body and problem details unchanged. Only the paths the console uses are passed on;
 * anything else is 404. The services decide who may do what (release needs a sanctions officer, {@code /ops} an ops
 * operator): the console only needs someone signed in, by its session cookie (the page) or a bearer token (a client).
 * A POST or DELETE from a session also needs the page's {@code X-Requested-With} header, which no other site's form
 * or script can send here: a decision is never made by a request another page forged. The {@code Link} header of a
 * paged list comes back too (its next page's path is the service's: the page asks for it under its own
 * {@code /api/{service}/}).
 */
@Path("/api/{service}")
@Tag(name = "Services", description = "The services' own APIs, passed on with the signed-in operator's access token")
@APIResponse(responseCode = "200", description = "The service's answer, passed back with its status, "
        + "Content-Type, ETag and body unchanged (its refusals are problem+json too)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                description = "What the service answers at /{path}: see its own /q/openapi")))
@APIResponse(responseCode = "499", description = "A call from the page with no live session: sign in again "
        + "(sign-in-required)",
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                schema = @Schema(implementation = Problems.Problem.class)))
@APIResponse(responseCode = "404", description = "The console passes on no call to this service and path",
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                schema = @Schema(implementation = Problems.Problem.class)))
@APIResponse(responseCode = "502", description = "The service did not answer (service-unreachable)",
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                schema = @Schema(implementation = Problems.Problem.class)))
@Authenticated
public class ServiceProxy {
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final String SERVICES = "scheme (payment-scheme-service), sanctions, accounts or simulator";
    /**
     * Request headers passed on; never cookies, nor the caller's own {@code Authorization}: the access token passed on
     * is the one of the signed-in identity, checked here first.
     */
    private static final List<String> FORWARDED = List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH, "X-Correlation-Id");
    /**
     * Answer headers passed back. Not {@code WWW-Authenticate}: the page sends its operator to sign in itself, where
     * the browser's own prompt would take over.
     */
    private static final List<String> RETURNED = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG,
            HttpHeaders.RETRY_AFTER, HttpHeaders.LINK, "X-Correlation-Id");

    /** The last path segment of the services' event streams, which {@link LiveUpdates} passes on. */
    private static final String LIVE = "changes";

    /** A service the page talks to, and the first path segments the page may use on it. */
    private record Target(URI base, List<String> paths) {
    }

    private final ConsoleConfig config;
    private final SecurityIdentity identity;
    private final HttpClient http;
    private final Map<String, Target> targets;

    @Inject
    public ServiceProxy(ConsoleConfig config, SecurityIdentity identity) {
        this.config = config;
        this.identity = identity;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.targets = Map.of(
                "scheme", new Target(config.paymentSchemeUrl(), List.of("payments", "ops")),
                "sanctions", new Target(config.sanctionsUrl(),
                        List.of("held-payments", "screenings", "sanctioned-names", "ops")),
                "accounts", new Target(config.accountsUrl(), List.of("accounts", "ops")),
                "simulator", new Target(config.simulatorUrl(), List.of("ops")));
    }

    /** Where {@code service}'s path starting with {@code firstSegment} goes; empty when the page may not use it. */
    private Optional<URI> base(String service, String firstSegment) {
        Target target = targets.get(service);
        return target != null && target.paths().contains(firstSegment) ? Optional.of(target.base())
                : Optional.empty();
    }

    @GET
    @Path("{path: .+}")
    @Operation(summary = "Read from a service", description = "GET /{path} of the service (scheme, sanctions, "
            + "accounts or simulator) with the query as given and the operator's access token; the service decides "
            + "who may read what.")
    public CompletionStage<Response> get(@Parameter(description = SERVICES, example = "sanctions")
                                         @PathParam("service") String service, @Context UriInfo uri,
                                         @Context HttpHeaders headers) {
        return pass("GET", service, uri, headers, HttpRequest.BodyPublishers.noBody());
    }

    @POST
    @Path("{path: .+}")
    @Operation(summary = "Ask a service to act", description = "POST /{path} of the service with the body as given "
            + "and the operator's access token (e.g. release or reject a held payment); the service decides who may "
            + "do what. From a session, only the console's own page may (X-Requested-With).")
    @APIResponse(responseCode = "400", description = "The service refused the body (its own problem, passed back)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    @APIResponse(responseCode = "403", description = "A change through the session that does not come from the "
            + "console's page (not-from-the-page)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    public CompletionStage<Response> post(@Parameter(description = SERVICES, example = "sanctions")
                                          @PathParam("service") String service, @Context UriInfo uri,
                                          @Context HttpHeaders headers, byte[] body) {
        return fromThePage(uri, headers).orElseGet(() -> pass("POST", service, uri, headers,
                body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A removal (a sanctioned name taken off the list, its reason in the query). */
    @DELETE
    @Path("{path: .+}")
    @Operation(summary = "Ask a service to remove", description = "DELETE /{path} of the service with the query as "
            + "given and the operator's access token (e.g. take a name off the sanctions list, with ?reason=); the "
            + "service decides who may. From a session, only the console's own page may (X-Requested-With).")
    @APIResponse(responseCode = "403", description = "A change through the session that does not come from the "
            + "console's page (not-from-the-page)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    public CompletionStage<Response> delete(@Parameter(description = SERVICES, example = "sanctions")
                                            @PathParam("service") String service, @Context UriInfo uri,
                                            @Context HttpHeaders headers) {
        return fromThePage(uri, headers).orElseGet(() -> pass("DELETE", service, uri, headers,
                HttpRequest.BodyPublishers.noBody()));
    }

    /** A 403 for a change through the session that does not come from the page; empty when it may go on. */
    private static Optional<CompletionStage<Response>> fromThePage(UriInfo uri, HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && headers.getHeaderString(SignIn.PAGE_HEADER) == null) {
            return Optional.of(CompletableFuture.completedFuture(Problems.answer(403, "not-from-the-page",
                    "Forbidden", "A change through the console's session comes from its page only ("
                            + SignIn.PAGE_HEADER + " header)", uri.getRequestUri().getRawPath())));
        }
        return Optional.empty();
    }

    private CompletionStage<Response> pass(String method, String service, UriInfo uri, HttpHeaders headers,
                                           HttpRequest.BodyPublisher body) {
        String prefix = "/api/" + service + "/";
        String rawPath = uri.getRequestUri().getRawPath();
        String path = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : "";
        String first = path.split("/", 2)[0];
        Optional<URI> base = path.contains("..") || path.contains("//") ? Optional.empty() : base(service, first);
        if (path.endsWith("/" + LIVE)) { // an event stream never ends: /api/live passes it on, line by line
            return CompletableFuture.completedFuture(Problems.answer(404, "not-found", "Not Found",
                    "The console passes on the " + service + " service's live updates under /api/live/", rawPath));
        }
        if (base.isEmpty()) {
            return CompletableFuture.completedFuture(Problems.answer(404, "not-found",
                    "Not Found", "The console passes on no call to " + service + " /" + path, rawPath));
        }
        String query = uri.getRequestUri().getRawQuery();
        URI target = URI.create(base.get().toString().replaceAll("/+$", "") + "/" + path
                + (query == null ? "" : "?" + query));
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            return CompletableFuture.completedFuture(Problems.answer(401, "sign-in-required", "Unauthorized",
                    "Sign in again: the console holds no access token for you", rawPath));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.timeout()).method(method, body)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        for (String name : FORWARDED) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(ServiceProxy::answer)
                .exceptionally(failure -> {
                    LOG.warnf("%s %s: %s", method, target, failure.toString());
                    return Problems.answer(502, "service-unreachable", "Bad Gateway",
                            "The " + service + " service did not answer; try again when it is back", rawPath);
                });
    }

    private static Response answer(HttpResponse<byte[]> answer) {
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        for (String name : RETURNED) {
            answer.headers().firstValue(name).ifPresent(value -> response.header(name, value));
        }
        return response.build();
    }
}
