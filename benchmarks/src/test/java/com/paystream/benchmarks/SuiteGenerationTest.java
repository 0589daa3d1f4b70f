package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SuiteGenerationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of("/srv/paystream-data");

    @TempDir
    Path checkout;

    @Test
    void thisCheckoutIsSignedIn() throws IOException {
        assertThat(SuiteGeneration.of(Path.of(".."))).isEqualTo(SuiteGeneration.SIGNED_IN);
    }

    @Test
    void aCheckoutWhoseRunShStartsNoKeycloakIsOpen() throws IOException {
        Files.writeString(checkout.resolve("run.sh"), "#!/usr/bin/env bash\njava -jar \"$EMULATOR_JAR\" --auth\n");

        assertThat(SuiteGeneration.of(checkout)).isEqualTo(SuiteGeneration.OPEN);
    }

    @Test
    void aFolderWithoutRunShIsNoCheckout() {
        assertThatThrownBy(() -> SuiteGeneration.of(checkout)).isInstanceOf(IOException.class)
                .hasMessageContaining("has no run.sh");
    }

    @Test
    void aSignedInSuitesStoreIsReachedOverTlsTrustingTheSuitesCertificateAuthority() {
        assertThat(SuiteGeneration.SIGNED_IN.store(DATA, Optional.of("secret")))
                .isEqualTo("kurrentdb://admin:secret@localhost:2113?tls=true"
                        + "&tlsCAFile=/srv/paystream-data/certs/ca.crt");
    }

    @Test
    void anOpenSuitesStoreIsPlaintext() {
        assertThat(SuiteGeneration.OPEN.store(DATA, Optional.of("secret")))
                .isEqualTo("kurrentdb://admin:secret@localhost:2113?tls=false");
    }

    @Test
    void withoutItsAdminPasswordTheStoreIsReachedAnonymously() {
        assertThat(SuiteGeneration.OPEN.store(DATA, Optional.empty()))
                .isEqualTo("kurrentdb://localhost:2113?tls=false");
    }

    @Test
    void aSignedInSuitesAccountIsOpenedForItsCustomer() throws IOException {
        assertThat(JSON.readTree(SuiteGeneration.SIGNED_IN.newAccount("608371", "50000001", "LOAD HOLDER 1"))
                .path("customerId").asText()).isEqualTo("C-BENCHMARK");
    }

    @Test
    void anOpenSuitesAccountIsOpenedWithTheThreeFieldsItKnows() throws IOException {
        assertThat(JSON.readTree(SuiteGeneration.OPEN.newAccount("608371", "50000001", "LOAD HOLDER 1")).fieldNames())
                .toIterable().containsExactlyInAnyOrder("sortCode", "accountNumber", "holderName");
    }

    @Test
    void anOpenSuiteTakesPaymentsUnsignedAndEveryOtherCallFromItsOperator() throws Exception {
        assumeTrue(System.getenv("PAYSTREAM_OPERATOR") == null, "PAYSTREAM_OPERATOR would be the operator");
        Files.writeString(checkout.resolve("operator.credentials"), "operator:s3cret\n");

        SuiteGeneration.SignIn signIn = SuiteGeneration.OPEN.signIn(checkout);

        assertThat(signIn.deliveries().header()).isEmpty();
        assertThat(signIn.calls().header()).contains("Basic " + Base64.getEncoder()
                .encodeToString("operator:s3cret".getBytes(StandardCharsets.UTF_8)));
    }
}
