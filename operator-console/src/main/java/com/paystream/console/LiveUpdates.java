package com.paystream.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * The services' live updates, server-sent events passed on to the page: {@code /api/live/{stream}} follows the
 * service's stream with the signed-in person's access token, each event as the service sent it. Only the
 * streams the page uses: {@code payments} (payment-scheme-service's {@code /payments/changes}) and
 * {@code held-payments} (sanctions-service's {@code /held-payments/changes}).
 *
 * <p>A stream ends, cleanly, when the person's token is about to: the browser's {@code EventSource} then asks again
 * a few seconds later, when the console refreshes the token on its way through (or finds the session over, and the
 * page says so). The service's refusal (401, 403) comes back with its status.
 */
@Path("/api/live")
@Tag(name = "Live updates", description = "The services' changes as they happen, passed on as server-sent events")
@Authenticated
public class LiveUpdates {
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    /** Where each stream the page may follow is. */
    private final Map<String, URI> streams;
    private final SecurityIdentity identity;
    /** How long before the token's end the console refreshes it: the stream ends before then. */
    private final Duration refreshedBefore;
    private final Vertx vertx;
    private final HttpClient http;

    @Inject
    public LiveUpdates(ConsoleConfig config, SecurityIdentity identity, Vertx vertx,
                       @ConfigProperty(name = "quarkus.oidc.token.refresh-token-time-skew") Duration refreshedBefore) {
        this.streams = Map.of(
                "payments", at(config.paymentSchemeUrl(), "payments/changes"),
                "held-payments", at(config.sanctionsUrl(), "held-payments/changes"));
        this.identity = identity;
        this.refreshedBefore = refreshedBefore;
        this.vertx = vertx;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    private static URI at(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/" + path);
    }

    /** On a worker thread: the relay of an open stream waits for the service's next line. */
    @GET
    @Path("{stream}")
    @Blocking
    @Operation(summary = "Follow a service's changes", description = "Server-sent events from the service, with the "
            + "operator's access token: payments (payment-scheme-service's GET /payments/changes) or held-payments "
            + "(sanctions-service's GET /held-payments/changes), each event as the service sent it. The stream ends "
            + "when the operator's token is about to; ask again (a browser's EventSource does) and the console "
            + "refreshes the token on the way.")
    @APIResponse(responseCode = "200", description = "The service's events, as it sends them",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "data: lines of JSON, as the service's own /q/openapi describes them")))
    @APIResponse(responseCode = "403", description = "The service refused the operator (its own problem, passed back)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    @APIResponse(responseCode = "404", description = "The console passes on no live stream of this name",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    @APIResponse(responseCode = "499", description = "A call from the page with no live session: sign in again "
            + "(sign-in-required)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    @APIResponse(responseCode = "502", description = "The service did not answer (service-unreachable)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    schema = @Schema(implementation = Problems.Problem.class)))
    public CompletionStage<Response> follow(@Parameter(description = "payments or held-payments",
            example = "held-payments") @PathParam("stream") String stream) {
        URI target = streams.get(stream);
        if (target == null) {
            return CompletableFuture.completedFuture(Problems.answer(404, "not-found", "Not Found",
                    "The console passes on no live stream " + stream, "/api/live/" + stream));
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            return CompletableFuture.completedFuture(Problems.answer(401, "sign-in-required", "Unauthorized",
                    "Sign in again: the console holds no access token for you", "/api/live/" + stream));
        }
        HttpRequest request = HttpRequest.newBuilder(target).header(HttpHeaders.ACCEPT, MediaType.SERVER_SENT_EVENTS)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken()).build();
        Duration left = lifeLeft();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(answer -> answer.statusCode() == 200
                        ? Response.ok(relay(answer.body(), left)).type(MediaType.SERVER_SENT_EVENTS)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build()
                        : Response.status(answer.statusCode())
                        .type(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(Problems.MEDIA_TYPE))
                        .entity(String.join("\n", answer.body().toList())).build())
                .exceptionally(failure -> {
                    LOG.warnf("GET %s: %s", target, failure.toString());
                    return Problems.answer(502, "service-unreachable", "Bad Gateway",
                            "The service of the live stream " + stream + " did not answer; try again when it is back",
                            "/api/live/" + stream);
                });
    }

    /**
     * The service's events, line by line as it sends them, until it ends the stream, the browser goes away, or the
     * stream's time is up (then the lines are closed under the relay, which ends it).
     */
    private StreamingOutput relay(Stream<String> lines, Duration left) {
        return out -> {
            long end = vertx.setTimer(left.toMillis(), timer -> lines.close());
            out.flush(); // the browser knows the stream is open
            try (lines) {
                Iterator<String> each = lines.iterator();
                while (each.hasNext()) {
                    out.write((each.next() + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (UncheckedIOException closed) {
                LOG.debugf("A live stream ended: %s", closed.getMessage());
            } finally {
                vertx.cancelTimer(end);
            }
        };
    }

    /** How long the stream may run: until the console would refresh the person's token. */
    private Duration lifeLeft() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()))
                    .minus(refreshedBefore);
            return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
        }
        return Duration.ofMinutes(1);
    }
}
