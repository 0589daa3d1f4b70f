package com.paystream.infrastructure.testing;

import io.restassured.specification.RequestSpecification;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;

/**
 * Access tokens for the services' tests, signed here as the identity provider signs them (RS256, issuer, audience
 * {@code paystream-api}, realm roles) with the key beside this class; the test profile's config
 * ({@code META-INF/microprofile-config.properties} of this test-jar) trusts its public key, so the services check
 * these tokens exactly as they check Keycloak's. Tokens can also be spoiled on purpose (expired, another issuer, …).
 */
public final class TestTokens {
    public static final String ISSUER = "https://identity.paystream.test/realms/paystream";
    public static final String AUDIENCE = "paystream-api";
    private static final PrivateKey KEY = load("signing-key.pem");

    private TestTokens() {
    }

    /** A token for {@code name} (its subject is derived from the name) with these realm roles. */
    public static String token(String name, String... roles) {
        return sign(claims(name, roles), KEY);
    }

    /** A token with these claims changed before signing (e.g. an expiry in the past, another audience). */
    public static String token(String name, Consumer<JwtClaims> change, String... roles) {
        JwtClaims claims = claims(name, roles);
        change.accept(claims);
        return sign(claims, KEY);
    }

    /** A customer's token, carrying their customer id. */
    public static String customer(String name, String customerId) {
        return token(name, claims -> claims.setClaim("customer_id", customerId), "customer");
    }

    /** A request carrying {@code token} as a bearer token. */
    public static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    /** A request by {@code name} with these realm roles. */
    public static RequestSpecification as(String name, String... roles) {
        return bearer(token(name, roles));
    }

    /** The subject the tokens of {@code name} carry. */
    public static String subjectOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Signs claims with any key: the test key, or another one (a token the services must refuse). */
    public static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue("test-key");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims a Keycloak access token of the paystream realm carries. */
    public static JwtClaims claims(String name, String... roles) {
        JwtClaims claims = new JwtClaims();
        Instant now = Instant.now();
        claims.setIssuer(ISSUER);
        claims.setAudience(List.of(AUDIENCE, "account"));
        claims.setSubject(subjectOf(name));
        claims.setClaim("preferred_username", name);
        claims.setClaim("azp", "test-client");
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(
                now.plus(Duration.ofMinutes(5)).getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setClaim("realm_access", java.util.Map.of("roles", List.of(roles)));
        return claims;
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " beside " + TestTokens.class.getName());
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
