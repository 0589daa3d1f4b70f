package com.paystream.emulator;

import io.kurrent.dbclient.ServerVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;

import static com.paystream.emulator.TestEvents.await;
import static org.assertj.core.api.Assertions.assertThat;

class ServerFeaturesTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    @Test
    void theClientConnectsAndReadsANumericServerVersion() throws Exception {
        Optional<ServerVersion> version = await(emulator.client().getServerVersion());

        assertThat(version).isPresent();
        assertThat(version.get().isLessThan(23, 10, 0)).as("older than 23.10").isFalse();
    }
}
