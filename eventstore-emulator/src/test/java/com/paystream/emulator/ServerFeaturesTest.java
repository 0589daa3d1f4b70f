package com.paystream.emulator;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.kurrent.dbclient.ServerVersion;
import io.kurrent.dbclient.proto.serverfeatures.ServerFeaturesGrpc;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures;
import io.kurrent.dbclient.proto.shared.Shared;
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

    @Test
    void theEmulatorReportsA26Point0Server() throws Exception {
        EventStoreEmulator own = emulator.emulator();
        Optional<ServerVersion> version = await(emulator.client().getServerVersion());

        assertThat(own).isNotNull();
        assertThat(version.get().equals(26, 0, 0)).as("version %s", version.get()).isTrue();
    }

    @Test
    void theV2AppendSessionIsListedUnderItsLowercaseServiceName() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", emulator.emulator().port())
                .usePlaintext().build();
        try {
            Serverfeatures.SupportedMethods methods = ServerFeaturesGrpc.newBlockingStub(channel)
                    .getSupportedMethods(Shared.Empty.getDefaultInstance());

            assertThat(methods.getMethodsList()).anySatisfy(method -> {
                assertThat(method.getServiceName()).isEqualTo("kurrentdb.protocol.v2.streams.streamsservice");
                assertThat(method.getMethodName()).isEqualTo("appendsession");
            });
            assertThat(methods.getEventStoreServerVersion()).isEqualTo("26.0.0");
        } finally {
            channel.shutdownNow();
        }
    }
}
