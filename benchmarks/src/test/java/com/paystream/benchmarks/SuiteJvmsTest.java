package com.paystream.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteJvmsTest {
    @Test
    void aServiceIsNamedAfterItsModule() {
        assertThat(SuiteJvms.nameOf("/usr/bin/java -Xmx256m -jar accounts-service/target/quarkus-app/quarkus-run.jar"))
                .contains("accounts-service");
    }

    @Test
    void theStoreAndTheIdentityProviderAreNamedForWhatTheyAre() {
        assertThat(SuiteJvms.nameOf("java -jar eventstore-emulator/target/eventstore-emulator.jar --data d"))
                .contains("store (emulator)");
        assertThat(SuiteJvms.nameOf("/usr/lib/jvm/java-21/bin/java -cp keycloak/target/keycloak/lib io.quarkus"))
                .contains("keycloak");
    }

    @Test
    void aProcessThatIsNotPartOfTheSuiteIsLeftOut() {
        assertThat(SuiteJvms.nameOf("/usr/bin/java -jar /opt/other/app.jar")).isEmpty();
        assertThat(SuiteJvms.nameOf("bash ./run.sh --memory")).isEmpty();
    }

    @Test
    void theLoadGeneratorIsAlwaysAmongTheJvms() {
        assertThat(SuiteJvms.startedBy(ProcessHandle.current()).running())
                .containsEntry(SuiteJvms.LOAD_GENERATOR, ProcessHandle.current());
    }
}
