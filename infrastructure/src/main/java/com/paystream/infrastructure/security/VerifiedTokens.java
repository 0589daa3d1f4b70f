package com.paystream.infrastructure.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Access tokens already verified, so that a caller's next request with the same token is not verified again: a token's
 * signature check (RS256) is the largest single cost of a request to the gateway, and a caller uses one token for
 * hundreds of requests. Only bearer access tokens: a web session's ID token always goes the full way. A token is
 * remembered, by its exact text, only after the OIDC provider accepted it (issuer,
 * audience, signature, expiry), and only until it expires (at most {@link #AT_MOST}); a token never seen, changed by one
 * character, or expired goes through the full check. The same idea as a gateway's verified-JWT cache.
 *
 * <p>Two parts: an identity augmentor that remembers each identity the OIDC provider made from a token, and an identity
 * provider tried before the OIDC one that answers a remembered, unexpired token with its identity (bound to the
 * request at hand) and passes any other on.
 */
@ApplicationScoped
public class VerifiedTokens implements SecurityIdentityAugmentor {
    /** How long a verified token is remembered at the most, however long it is valid. */
    static final Duration AT_MOST = Duration.ofMinutes(5);
    /** How many tokens are remembered at the most (the least recently used goes first). */
    static final int CAPACITY = 10_000;

    private final Map<String, Verified> verified = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CAPACITY;
        }
    };
    private final AtomicLong answered = new AtomicLong();

    private record Verified(SecurityIdentity identity, Instant until) {
    }

    /** The time a token's expiry is checked against: the system's, as the OIDC provider's own check uses. */
    private static Instant now() {
        return Instant.now();
    }

    /** Remembers an identity the OIDC provider made from a token, until the token expires. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
        if (identity.getCredential(IdTokenCredential.class) == null && bearer != null
                && identity.getPrincipal() instanceof JsonWebToken token && bearer.getToken().equals(token.getRawToken())
                && token.getExpirationTime() > 0) {
            Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
            Instant until = expires.isBefore(now().plus(AT_MOST)) ? expires : now().plus(AT_MOST);
            synchronized (verified) {
                verified.put(token.getRawToken(), new Verified(identity, until));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** The identity of a token verified before and not expired, bound to this request; null for any other. */
    SecurityIdentity remembered(TokenAuthenticationRequest request) {
        if (!(request.getToken() instanceof AccessTokenCredential)) {
            return null; // a web session's ID token always goes through the full check
        }
        String token = request.getToken().getToken();
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
            if (known != null && !now().isBefore(known.until())) {
                verified.remove(token);
                known = null;
            }
        }
        if (known == null) {
            return null;
        }
        answered.incrementAndGet();
        Object routingContext = request.getAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known.identity());
        if (routingContext != null) {
            identity.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routingContext);
        }
        return identity.build();
    }

    /** How many requests were answered from a token verified before (for tests and operators). */
    public long answeredFromMemory() {
        return answered.get();
    }

    /** Tried before the OIDC provider: a remembered token's identity, or on to the full check. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {
        private final VerifiedTokens tokens;

        @Inject
        public Provider(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            return SYSTEM_FIRST * 2;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.remembered(request));
        }
    }
}
