package com.paystream.emulator.cluster;

import com.paystream.emulator.EventStoreEmulator;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.proto.gossip.GossipGrpc;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.ClusterInfo;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.MemberInfo;
import io.kurrent.dbclient.proto.shared.Shared;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static com.paystream.emulator.TestEvents.await;
import static com.paystream.emulator.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

class GossipTest {
    private static EventStoreEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = EventStoreEmulator.inMemory().clusterNodePorts(0, 0).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static ClusterInfo gossip(int port) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try {
            return GossipGrpc.newBlockingStub(channel).read(Shared.Empty.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
    }

    static int leaderPort(ClusterInfo info) {
        return info.getMembersList().stream().filter(m -> m.getState() == MemberInfo.VNodeState.Leader)
                .mapToInt(m -> m.getHttpEndPoint().getPort()).findFirst().orElseThrow();
    }

    @Test
    void everyNodeGossipsEveryMemberAliveTheFirstOneLeadingTheOthersFollowing() {
        for (int port : emulator.ports()) {
            ClusterInfo info = gossip(port);

            assertThat(info.getMembersList()).extracting(m -> (int) m.getHttpEndPoint().getPort())
                    .containsExactlyElementsOf(emulator.ports());
            assertThat(info.getMembersList()).extracting(MemberInfo::getState).containsExactly(
                    MemberInfo.VNodeState.Leader, MemberInfo.VNodeState.Follower, MemberInfo.VNodeState.Follower);
            assertThat(info.getMembersList()).allSatisfy(m -> {
                assertThat(m.getIsAlive()).isTrue();
                assertThat(m.getHttpEndPoint().getAddress()).isEqualTo("localhost");
            });
            assertThat(info.getMembersList()).extracting(MemberInfo::getInstanceId).doesNotHaveDuplicates();
        }
    }

    @Test
    void aClientSeededWithAFollowerFindsTheLeaderThroughGossipAndWritesThere() throws Exception {
        int follower = emulator.ports().get(2);
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb+discover://localhost:" + follower + "?tls=false"));
        try {
            WriteResult written = await(client.appendToStream(newStream("orders"), json("OrderPlaced")));

            assertThat(written.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(0));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theHttpGossipNamesTheLeaderAsTheRealServersDoes() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + emulator.ports().get(1) + "/gossip")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"state\":\"Leader\"", "\"httpEndPointPort\":" + emulator.port(),
                "\"state\":\"Follower\"", "\"httpEndPointIp\":\"localhost\"");
    }

    @Test
    void onASecureNodeCallersWithoutCredentialsMayReadTheGossipAsTheRealServersDefaultPolicyAllows() {
        try (EventStoreEmulator secure = EventStoreEmulator.inMemory().authentication(true).clusterNodePorts(0)
                .start()) {
            ClusterInfo info = gossip(secure.ports().get(1));

            assertThat(info.getMembersList()).hasSize(2);
            assertThat(leaderPort(info)).isEqualTo(secure.port());
        }
    }

    @Test
    void aSingleEmulatorGossipsItselfAsTheLeader() {
        try (EventStoreEmulator single = EventStoreEmulator.inMemory().start()) {
            ClusterInfo info = gossip(single.port());

            assertThat(info.getMembersList()).hasSize(1);
            assertThat(leaderPort(info)).isEqualTo(single.port());
        }
    }
}
