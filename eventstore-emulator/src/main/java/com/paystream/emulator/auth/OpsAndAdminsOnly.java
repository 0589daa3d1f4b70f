package com.paystream.emulator.auth;

import com.paystream.emulator.grpc.HttpApi;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP API's gate for what only {@code $ops} and {@code $admins} may ask of a node (its statistics, its
 * administration): 401 without valid credentials, 403 without the right. On an insecure node, anyone may.
 */
public final class OpsAndAdminsOnly {
    private final Function<String, Optional<Principal>> authenticate;

    /**
     * {@code authenticate} turns an {@code authorization} header into the caller; null on an insecure node, where
     * anyone may.
     */
    public OpsAndAdminsOnly(Function<String, Optional<Principal>> authenticate) {
        this.authenticate = authenticate;
    }

    /** The refusal for this request, or null when its caller may. */
    public HttpApi.Response refusal(HttpApi.Request request) {
        if (authenticate == null) {
            return null;
        }
        String header = request.headers().get("authorization");
        Optional<Principal> caller = header == null ? Optional.empty() : authenticate.apply(header);
        if (caller.isEmpty()) {
            return new HttpApi.Response(401, "Unauthorized", Map.of("WWW-Authenticate", "Basic realm=\"ES\""), null,
                    new byte[0]);
        }
        return caller.get().isOpsOrAdmin() ? null : HttpApi.Response.empty(403, "Forbidden");
    }
}
