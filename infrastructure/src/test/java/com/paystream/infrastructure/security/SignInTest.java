package com.paystream.infrastructure.security;

import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.fixtures.Payments;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every way a caller can fail to sign in, against an endpoint that writes (a payment's first event, the scheme only):
 * each is a 401 or 403 problem+json, and nothing is written.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class SignInTest {
    private static final String BODY = "{\"reference\":\"sign-in\",\"amountPence\":100}";

    @Inject
    EventStore store;
    @Inject
    VerifiedTokens verifiedTokens;

    /** Delivers a payment with the request given; answers what the service said, having checked nothing was written. */
    private ValidatableResponse deliver(RequestSpecification request) {
        String paymentId = Payments.newPaymentId();
        ValidatableResponse response = request.contentType(ContentType.JSON).body(BODY)
                .post("/test/payments/" + paymentId + "/scheme-delivered").then();
        assertThat(store.load(PaymentStreams.payment(paymentId)).exists()).as("payment written").isFalse();
        return response;
    }

    private static void refusedAsUnauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"paystream\"")
                .body("type", equalTo("urn:paystream:problem:unauthenticated"));
    }

    @Test
    void theSchemesTokenDeliversThePayment() {
        given().auth().oauth2(TestTokens.token("scheme", Roles.SCHEME)).contentType(ContentType.JSON).body(BODY)
                .post("/test/payments/" + Payments.newPaymentId() + "/scheme-delivered").then().statusCode(201);
    }

    private static void delivered(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(BODY)
                .post("/test/payments/" + Payments.newPaymentId() + "/scheme-delivered").then().statusCode(201);
    }

    @Test
    void aTokenVerifiedOnceIsAcceptedAgainWithoutCheckingItsSignatureAgain() {
        String token = TestTokens.token("scheme", Roles.SCHEME);
        delivered(token);
        long before = verifiedTokens.answeredFromMemory();

        delivered(token);

        assertThat(verifiedTokens.answeredFromMemory()).isEqualTo(before + 1);
    }

    @Test
    void aTokenVerifiedOnceIsRefusedOnceItHasExpired() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(2);
        String token = TestTokens.token("scheme",
                claims -> claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond())), Roles.SCHEME);
        delivered(token);

        Thread.sleep(Math.max(0, expiry.plusSeconds(2).toEpochMilli() - System.currentTimeMillis()));

        refusedAsUnauthenticated(deliver(given().auth().oauth2(token)));
    }

    @Test
    void aTokenWithTheClaimsOfOneVerifiedBeforeButAnotherSignatureIsUnauthenticated() throws Exception {
        String genuine = TestTokens.token("scheme", Roles.SCHEME);
        delivered(genuine);
        JwtClaims same = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(genuine.split("\\.")[1]),
                StandardCharsets.UTF_8));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);

        String forged = TestTokens.sign(same, generator.generateKeyPair().getPrivate());

        refusedAsUnauthenticated(deliver(given().auth().oauth2(forged)));
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        refusedAsUnauthenticated(deliver(given()));
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        String expired = TestTokens.token("scheme", claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(3600).getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(600).getEpochSecond()));
        }, Roles.SCHEME);
        refusedAsUnauthenticated(deliver(given().auth().oauth2(expired)));
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = TestTokens.sign(TestTokens.claims("scheme", Roles.SCHEME), generator.generateKeyPair().getPrivate());
        refusedAsUnauthenticated(deliver(given().auth().oauth2(forged)));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        String elsewhere = TestTokens.token("scheme", claims -> claims.setAudience(List.of("account")), Roles.SCHEME);
        refusedAsUnauthenticated(deliver(given().auth().oauth2(elsewhere)));
    }

    @Test
    void aTokenFromAnotherRealmIsUnauthenticated() {
        String otherRealm = TestTokens.token("scheme",
                claims -> claims.setIssuer("https://identity.paystream.test/realms/master"), Roles.SCHEME);
        refusedAsUnauthenticated(deliver(given().auth().oauth2(otherRealm)));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsUnauthenticated() throws JoseException {
        JsonWebSignature unsigned = new JsonWebSignature();
        unsigned.setPayload(TestTokens.claims("scheme", Roles.SCHEME).toJson());
        unsigned.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        unsigned.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        refusedAsUnauthenticated(deliver(given().auth().oauth2(unsigned.getCompactSerialization())));
    }

    @Test
    void aTokenInTheQueryStringIsRefusedEvenBesideAValidHeader() {
        String token = TestTokens.token("scheme", Roles.SCHEME);
        refusedAsUnauthenticated(deliver(given().auth().oauth2(token).queryParam("access_token", token)));
    }

    @Test
    void aTokenOnlyInTheQueryStringIsUnauthenticated() {
        refusedAsUnauthenticated(deliver(given().queryParam("access_token", TestTokens.token("scheme", Roles.SCHEME))));
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbidden() {
        deliver(given().auth().oauth2(TestTokens.customer("carol", "C-1001"))).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:paystream:problem:forbidden"));
    }

    @Test
    void aTokenInTheQueryStringIsRefusedWhateverTheEncodingOfItsName() {
        String token = TestTokens.token("scheme", Roles.SCHEME);
        refusedAsUnauthenticated(deliver(given().auth().oauth2(token).urlEncodingEnabled(false)
                .queryParam("access%5Ftoken", token)));
    }
}
