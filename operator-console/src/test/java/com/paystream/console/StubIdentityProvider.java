package com.paystream.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for the bank's identity provider (Keycloak, realm {@code paystream}) in the console's tests: discovery,
 * its signing key, the authorization endpoint (where whoever {@link #signsInNext} is signs in at once, as with a live
 * single sign-on session), the token endpoint (authorization code with PKCE S256, refresh token) and the end-session
 * endpoint. Its tokens are shaped as Keycloak's: the access token carries audience {@code paystream-api} and the realm
 * roles; the ID token is for the client {@code operator-console} and carries no roles. Every request is recorded for
 * the tests to look at; the key is made at each start, so no key lives in the repository.
 */
public class StubIdentityProvider implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT_ID = "operator-console";
    static final String REALM = "/realms/paystream";

    /** A person the identity provider knows: login, full name, realm roles. */
    record Person(String username, String name, List<String> roles) {
        String subject() {
            return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    /** Tokens given out at the token endpoint, by which grant. */
    record Issued(String grant, String accessToken, String idToken, String refreshToken) {
    }

    static final Map<String, Person> PEOPLE = Map.of(
            "sam", new Person("sam", "Sam Sato", List.of("sanctions-officer")),
            "olivia", new Person("olivia", "Olivia Okafor", List.of("ops")),
            "operator", new Person("operator", "Paystream Operator", List.of("sanctions-officer", "ops")));

    static final List<Map<String, String>> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    static final List<Map<String, String>> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    static final List<Map<String, String>> LOGOUTS = new CopyOnWriteArrayList<>();
    static final List<Issued> ISSUED = new CopyOnWriteArrayList<>();
    /** Who signs in at the authorization endpoint next. */
    static volatile String signsInNext = "sam";
    /** How long the tokens it gives out last. */
    static volatile Duration tokenLifetime = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile RsaJsonWebKey key;
    private static volatile String issuer;

    private record Grant(Person person, String redirectUri, String challenge, String nonce) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> refreshTokens = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("stub-" + UUID.randomUUID());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(REALM + "/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext(REALM + "/protocol/openid-connect/certs",
                exchange -> json(exchange, 200, Map.of("keys", List.of(key.toParams(RsaJsonWebKey.OutputControlLevel.PUBLIC_ONLY)))));
        server.createContext(REALM + "/protocol/openid-connect/auth", this::authorize);
        server.createContext(REALM + "/protocol/openid-connect/token", this::token);
        server.createContext(REALM + "/protocol/openid-connect/logout", StubIdentityProvider::logout);
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer,
                // made here for each run, as CONSOLE_SESSION_SECRET is outside the tests
                "quarkus.oidc.token-state-manager.encryption-secret", secret(),
                "quarkus.oidc.authentication.state-secret", secret());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Forgets what was asked of it and goes back to its defaults. */
    static void reset() {
        AUTHORIZATIONS.clear();
        TOKEN_REQUESTS.clear();
        LOGOUTS.clear();
        ISSUED.clear();
        signsInNext = "sam";
        tokenLifetime = Duration.ofMinutes(5);
    }

    static String issuer() {
        return issuer;
    }

    /** An access token of {@code person}, as a client of the realm would show it to the console. */
    static String accessToken(String person) {
        return accessToken(person, tokenLifetime);
    }

    /** The same, lasting {@code lifetime} from now (a negative one: expired). */
    static String accessToken(String person, Duration lifetime) {
        return accessToken(PEOPLE.get(person), "paystream-cli", lifetime);
    }

    private Map<String, Object> discovery() {
        String endpoints = issuer + "/protocol/openid-connect";
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("issuer", issuer);
        discovery.put("authorization_endpoint", endpoints + "/auth");
        discovery.put("token_endpoint", endpoints + "/token");
        discovery.put("jwks_uri", endpoints + "/certs");
        discovery.put("end_session_endpoint", endpoints + "/logout");
        discovery.put("response_types_supported", List.of("code"));
        discovery.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        discovery.put("code_challenge_methods_supported", List.of("S256"));
        discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return discovery;
    }

    /** The login page, where {@link #signsInNext} has already signed in: straight back to the client with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        AUTHORIZATIONS.add(query);
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || query.get("redirect_uri") == null) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = secret();
        codes.put(code, new Grant(PEOPLE.get(signsInNext), query.get("redirect_uri"), query.get("code_challenge"),
                query.get("nonce")));
        redirect(exchange, query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        TOKEN_REQUESTS.add(request);
        if (!CLIENT_ID.equals(request.get("client_id"))) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Person person;
        String nonce = null;
        if ("authorization_code".equals(request.get("grant_type"))) {
            Grant grant = codes.remove(request.getOrDefault("code", ""));
            if (grant == null || !grant.redirectUri().equals(request.get("redirect_uri"))
                    || request.get("code_verifier") == null
                    || !grant.challenge().equals(s256(request.get("code_verifier")))) {
                json(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
            person = grant.person();
            nonce = grant.nonce();
        } else if ("refresh_token".equals(request.get("grant_type"))) {
            // rotated, as the realm does: a refresh token is good once
            person = refreshTokens.remove(request.getOrDefault("refresh_token", ""));
            if (person == null) {
                json(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
        } else {
            json(exchange, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        Duration lifetime = tokenLifetime;
        String refreshToken = secret();
        refreshTokens.put(refreshToken, person);
        Issued issued = new Issued(request.get("grant_type"), accessToken(person, CLIENT_ID, lifetime),
                idToken(person, nonce, lifetime), refreshToken);
        ISSUED.add(issued);
        json(exchange, 200, Map.of("access_token", issued.accessToken(), "id_token", issued.idToken(),
                "refresh_token", issued.refreshToken(), "token_type", "Bearer",
                "expires_in", lifetime.toSeconds(), "refresh_expires_in", 1800, "scope", "openid profile email"));
    }

    /** Ends the session and goes back where the client asked, with its state. */
    private static void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        LOGOUTS.add(query);
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            json(exchange, 200, Map.of("signedOut", true));
            return;
        }
        redirect(exchange, back + (query.containsKey("state")
                ? "?state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) : ""));
    }

    private static String accessToken(Person person, String client, Duration lifetime) {
        JwtClaims claims = claims(person, lifetime);
        claims.setAudience(List.of("paystream-api", "account"));
        claims.setClaim("azp", client);
        claims.setClaim("typ", "Bearer");
        claims.setClaim("realm_access", Map.of("roles", person.roles()));
        return sign(claims);
    }

    private static String idToken(Person person, String nonce, Duration lifetime) {
        JwtClaims claims = claims(person, lifetime);
        claims.setAudience(CLIENT_ID);
        claims.setClaim("azp", CLIENT_ID);
        claims.setClaim("typ", "ID");
        if (nonce != null) {
            claims.setClaim("nonce", nonce);
        }
        return sign(claims);
    }

    private static JwtClaims claims(Person person, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(person.subject());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setClaim("preferred_username", person.username());
        claims.setClaim("name", person.name());
        claims.setClaim("sid", UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
