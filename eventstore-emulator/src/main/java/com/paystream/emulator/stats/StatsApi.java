package com.paystream.emulator.stats;

import com.paystream.emulator.auth.Principal;
import com.paystream.emulator.grpc.HttpApi;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /stats/messages} (the {@link MessageCounter}'s counts as JSON) and {@code POST /stats/messages/reset}.
 * On a secure node only {@code $admins} and {@code $ops} may: 401 without valid credentials, 403 without the right,
 * as for {@code /users}.
 */
public final class StatsApi implements HttpApi {
    private static final String PATH = "/stats/messages";

    private final MessageCounter counter;
    private final Function<String, Optional<Principal>> authenticate;

    /**
     * {@code authenticate} turns an {@code authorization} header into the caller; null on an insecure node, where
     * anyone may.
     */
    public StatsApi(MessageCounter counter, Function<String, Optional<Principal>> authenticate) {
        this.counter = counter;
        this.authenticate = authenticate;
    }

    @Override
    public Response handle(Request request) {
        String path = request.path();
        if (!path.equals(PATH) && !path.equals(PATH + "/reset")) {
            return null;
        }
        if (authenticate != null) {
            String header = request.headers().get("authorization");
            Optional<Principal> caller = header == null ? Optional.empty() : authenticate.apply(header);
            if (caller.isEmpty()) {
                return new Response(401, "Unauthorized", Map.of("WWW-Authenticate", "Basic realm=\"ES\""), null,
                        new byte[0]);
            }
            if (!caller.get().isOpsOrAdmin()) {
                return Response.empty(403, "Forbidden");
            }
        }
        if (path.equals(PATH)) {
            return request.method().equals("GET") ? Response.json(200, "OK", counter.toJson())
                    : Response.empty(405, "Method Not Allowed");
        }
        if (!request.method().equals("POST")) {
            return Response.empty(405, "Method Not Allowed");
        }
        counter.reset();
        return Response.json(200, "OK", counter.toJson());
    }
}
