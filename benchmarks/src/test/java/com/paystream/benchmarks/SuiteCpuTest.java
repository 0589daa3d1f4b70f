package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteCpuTest {
    @Test
    void aServiceIsNamedAfterItsModule() {
        assertThat(SuiteCpu.nameOf("/usr/bin/java -Xmx256m -jar accounts-service/target/quarkus-app/quarkus-run.jar"))
                .contains("accounts-service");
    }

    @Test
    void theStoreAndTheIdentityProviderAreNamedForWhatTheyAre() {
        assertThat(SuiteCpu.nameOf("java -jar eventstore-emulator/target/eventstore-emulator.jar --data d"))
                .contains("store (emulator)");
        assertThat(SuiteCpu.nameOf("/usr/lib/jvm/java-21/bin/java -cp keycloak/target/keycloak/lib io.quarkus"))
                .contains("keycloak");
    }

    @Test
    void aProcessThatIsNotPartOfTheSuiteIsLeftOut() {
        assertThat(SuiteCpu.nameOf("/usr/bin/java -jar /opt/other/app.jar")).isEmpty();
        assertThat(SuiteCpu.nameOf("bash ./run.sh --memory")).isEmpty();
    }

    @Test
    void theCpuEachProcessSpentIsDividedOverThePaymentsAndSummedWithoutTheLoadGenerator() {
        Map<String, Duration> before = Map.of("accounts-service", Duration.ofMillis(1000),
                "load generator", Duration.ofMillis(0));
        Map<String, Duration> after = Map.of("accounts-service", Duration.ofMillis(3000),
                "load generator", Duration.ofMillis(500), "started later", Duration.ofMillis(10));

        assertThat(SuiteCpu.perPayment(before, after, 1000)).containsOnly(Map.entry("accounts-service", 2.0),
                Map.entry("load generator", 0.5), Map.entry("the suite in all (not the load generator)", 2.0));
    }
}
