package com.paystream.infrastructure.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, from the verified access token: its subject (stable, what decisions record) and the name a person
 * reads ({@code preferred_username}, else the subject). Never a field of the request.
 *
 * @param subject the token's {@code sub}
 * @param name    the token's {@code preferred_username}, or the subject when it has none
 */
public record Caller(String subject, String name) {
    /** The claim a customer's token carries their customer id in (set on the person in the identity provider). */
    public static final String CUSTOMER_ID_CLAIM = "customer_id";

    /** The signed-in caller of this request. */
    public static Caller of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            String name = text(token.getClaim("preferred_username"));
            return new Caller(token.getSubject(), name == null || name.isBlank() ? token.getSubject() : name);
        }
        String name = identity.getPrincipal().getName();
        return new Caller(name, name);
    }

    /** The customer id of a customer's token ({@value #CUSTOMER_ID_CLAIM}), if it carries one. */
    public static Optional<String> customerId(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String claim = text(token.getClaim(CUSTOMER_ID_CLAIM));
            if (claim != null && !claim.isBlank()) {
                return Optional.of(claim);
            }
        }
        return Optional.empty();
    }

    /** A string claim's text (the JWT library gives custom claims as JSON values). */
    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String string ? string : null;
    }
}
