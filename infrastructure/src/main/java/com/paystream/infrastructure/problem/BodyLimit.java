package com.paystream.infrastructure.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.paystream.events.EventJson;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A body larger than {@code paystream.http.max-body-size} is refused before it is read, with a 413 in problem+json
 * like every other refusal (the HTTP layer's own 413 has no body). The paths of {@code paystream.http.upload-paths}
 * (files) may take bodies up to the HTTP layer's own limit, {@code quarkus.http.limits.max-body-size}, which a service
 * that takes files raises. A body sent in chunks, without a length, could not be measured before it is read, so it is
 * refused with a 411 (Length Required) on every other path; on an upload path it is taken up to the HTTP layer's
 * limit, past which it gets that layer's bare 413.
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
            boolean isUpload = uploads.contains(context.request().path());
            long max = isUpload ? upload : other;
            if (length != null && tooLong(length, max)) {
                refuse(context, 413, "Request body too large", "A request body may be at most " + max + " bytes");
                return;
            }
            if (length == null && !isUpload && isChunked(context.request().getHeader("Transfer-Encoding"))) {
                refuse(context, 411, "Length required", "A request body here must say its length (Content-Length, "
                        + "at most " + max + " bytes); only file uploads may be sent in chunks");
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

    private static boolean isChunked(String transferEncoding) {
        return transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        String body;
        try {
            body = EventJson.mapper().writeValueAsString(new Problem(Problem.type(status == 413 ? "body-too-large"
                    : "length-required"), title, status, detail, path, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
