package com.paystream.emulator.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the credentials every call carries ({@code authorization: Basic ...}, as the official clients send them) and
 * makes the caller's {@link Principal} current for the call. A call without credentials is anonymous; credentials
 * that match no user end the call at once with UNAUTHENTICATED, as on the real server.
 */
public final class Authentication implements ServerInterceptor {
    private static final Context.Key<Principal> PRINCIPAL = Context.key("paystream-emulator-principal");
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Users users;

    public Authentication(Users users) {
        this.users = users;
    }

    /** The caller of the current call (anonymous outside a call, or on a server without authentication). */
    public static Principal current() {
        Principal principal = PRINCIPAL.get();
        return principal == null ? Principal.ANONYMOUS : principal;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                      ServerCallHandler<Q, A> next) {
        String header = headers.get(AUTHORIZATION);
        Principal principal = Principal.ANONYMOUS;
        if (header != null) {
            Optional<Principal> known = basic(header, users);
            if (known.isEmpty()) {
                call.close(Status.UNAUTHENTICATED.withDescription("Bad username or password"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            principal = known.get();
        }
        return Contexts.interceptCall(Context.current().withValue(PRINCIPAL, principal), call, headers, next);
    }

    /** The principal for an {@code Authorization: Basic ...} value, or empty when it names no enabled user. */
    public static Optional<Principal> basic(String header, Users users) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
