package com.paystream.infrastructure.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.paystream.events.EventJson;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * A body larger than {@code paystream.http.max-body-size} is refused before it is read, with a 413 in problem+json
 * like every other refusal (the HTTP layer's own 413 has no body). The paths of {@code paystream.http.upload-paths}
 * (files) may take bodies up to the HTTP layer's own limit, {@code quarkus.http.limits.max-body-size}, which a service
 * that takes files raises. A body sent in chunks, without a length, that grows past the HTTP layer's limit still gets
 * its bare 413.
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize httpLimit;
    @ConfigProperty(name = "paystream.http.max-body-size", defaultValue = "1M")
    MemorySize limit;
    @ConfigProperty(name = "paystream.http.upload-paths")
    Optional<List<String>> uploadPaths;

    void install(@Observes Router router) {
        long upload = httpLimit.asLongValue();
        long other = Math.min(limit.asLongValue(), upload);
        List<String> uploads = uploadPaths.orElse(List.of());
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            long max = uploads.contains(context.request().path()) ? upload : other;
            if (length != null && tooLong(length, max)) {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body(context.request().path(), max));
                return;
            }
            context.next();
        });
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }

    private static String body(String path, long max) {
        try {
            return EventJson.mapper().writeValueAsString(new Problem(Problem.type("body-too-large"),
                    "Request body too large", 413, "A request body may be at most " + max + " bytes", path, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
