package com.paystream.emulator.persistent;

import com.paystream.emulator.EmulatorExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.CreatePersistentSubscriptionToAllOptions;
import io.kurrent.dbclient.CreatePersistentSubscriptionToStreamOptions;
import io.kurrent.dbclient.KurrentDBPersistentSubscriptionsClient;
import io.kurrent.dbclient.NamedConsumerStrategy;
import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionInfo;
import io.kurrent.dbclient.PersistentSubscriptionToAllInfo;
import io.kurrent.dbclient.PersistentSubscriptionToStreamInfo;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.SubscribePersistentSubscriptionOptions;
import io.kurrent.dbclient.UpdatePersistentSubscriptionToStreamOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static com.paystream.emulator.EmulatorExtension.newStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PersistentSubscriptionManagementTest {
    @RegisterExtension
    static final EmulatorExtension emulator = new EmulatorExtension();

    private final KurrentDBPersistentSubscriptionsClient client = emulator.persistentClient();

    private static String group() {
        return "group-" + UUID.randomUUID();
    }

    private static Status.Code codeOf(Throwable thrown) {
        Throwable cause = thrown instanceof ExecutionException ? thrown.getCause() : thrown;
        assertThat(cause).isInstanceOf(StatusRuntimeException.class);
        return ((StatusRuntimeException) cause).getStatus().getCode();
    }

    @Test
    void creatingTheSameGroupTwiceOnAStreamIsRejectedAsAlreadyExisting() throws Exception {
        String stream = newStream("orders");
        String group = group();
        client.createToStream(stream, group).get();

        assertThatThrownBy(() -> client.createToStream(stream, group).get())
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.ALREADY_EXISTS));
    }

    @Test
    void theSameGroupNameMayExistOnTwoStreams() throws Exception {
        String group = group();
        client.createToStream(newStream("orders"), group).get();
        client.createToStream(newStream("orders"), group).get();
    }

    @Test
    void creatingTheSameGroupTwiceOnAllIsRejectedAsAlreadyExisting() throws Exception {
        String group = group();
        client.createToAll(group).get();

        assertThatThrownBy(() -> client.createToAll(group).get())
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.ALREADY_EXISTS));
    }

    @Test
    void infoOfAMissingGroupIsEmpty() throws Exception {
        assertThat(client.getInfoToStream(newStream("orders"), group()).get()).isEmpty();
        assertThat(client.getInfoToAll(group()).get()).isEmpty();
    }

    @Test
    void updatingAMissingGroupIsNotFound() {
        assertThatThrownBy(() -> client.updateToStream(newStream("orders"), group()).get())
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void deletingAMissingGroupIsNotFound() {
        assertThatThrownBy(() -> client.deleteToStream(newStream("orders"), group()).get())
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void subscribingToAMissingGroupFailsWithNotFound() {
        assertThatThrownBy(() -> client.subscribeToStream(newStream("orders"), group(), Consumer.acking()).get())
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void aDeletedGroupIsGoneAndCanBeCreatedAgain() throws Exception {
        String stream = newStream("orders");
        String group = group();
        client.createToStream(stream, group).get();

        client.deleteToStream(stream, group).get();

        assertThat(client.getInfoToStream(stream, group).get()).isEmpty();
        client.createToStream(stream, group).get();
        assertThat(client.getInfoToStream(stream, group).get()).isPresent();
    }

    @Test
    void streamGroupInfoShowsTheSettingsItWasCreatedWith() throws Exception {
        String stream = newStream("orders");
        String group = group();
        client.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get()
                .startFrom(5).resolveLinkTos().messageTimeoutInMs(1234).maxRetryCount(7)
                .namedConsumerStrategy(NamedConsumerStrategy.PINNED).maxSubscriberCount(3)
                .checkpointLowerBound(2).checkpointUpperBound(20).checkpointAfterInMs(3000)).get();

        PersistentSubscriptionToStreamInfo info = client.getInfoToStream(stream, group).get().orElseThrow();

        assertThat(info.getEventSource()).isEqualTo(stream);
        assertThat(info.getGroupName()).isEqualTo(group);
        assertThat(info.getStatus()).isEqualTo("Live");
        assertThat(info.getSettings().getStartFrom().getPositionOrThrow()).isEqualTo(5L);
        assertThat(info.getSettings().shouldResolveLinkTos()).isTrue();
        assertThat(info.getSettings().getMessageTimeoutMs()).isEqualTo(1234);
        assertThat(info.getSettings().getMaxRetryCount()).isEqualTo(7);
        assertThat(info.getSettings().getNamedConsumerStrategy().isPinned()).isTrue();
        assertThat(info.getSettings().getMaxSubscriberCount()).isEqualTo(3);
        assertThat(info.getSettings().getCheckpointLowerBound()).isEqualTo(2);
        assertThat(info.getSettings().getCheckpointUpperBound()).isEqualTo(20);
        assertThat(info.getStats().getLastKnownEventRevision()).isEmpty();
        assertThat(info.getStats().getLastCheckpointedEventRevision()).isEmpty();
    }

    @Test
    void streamGroupsReportStartAndEndAsTheClientExpects() throws Exception {
        String stream = newStream("orders");
        String fromStart = group();
        String fromEnd = group();
        client.createToStream(stream, fromStart, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        client.createToStream(stream, fromEnd).get();

        assertThat(client.getInfoToStream(stream, fromStart).get().orElseThrow().getSettings().getStartFrom().isStart())
                .isTrue();
        assertThat(client.getInfoToStream(stream, fromEnd).get().orElseThrow().getSettings().getStartFrom().isEnd())
                .isTrue();
    }

    @Test
    void allGroupInfoReportsPositionsInTheCommitPrepareFormat() throws Exception {
        String atPosition = group();
        String fromStart = group();
        String fromEnd = group();
        client.createToAll(atPosition, CreatePersistentSubscriptionToAllOptions.get().startFrom(3, 4)).get();
        client.createToAll(fromStart, CreatePersistentSubscriptionToAllOptions.get().fromStart()).get();
        client.createToAll(fromEnd).get();

        PersistentSubscriptionToAllInfo info = client.getInfoToAll(atPosition).get().orElseThrow();
        assertThat(info.getEventSource()).isEqualTo("$all");
        Position position = info.getSettings().getStartFrom().getPositionOrThrow();
        assertThat(position.getCommitUnsigned()).isEqualTo(4);
        assertThat(position.getPrepareUnsigned()).isEqualTo(3);
        assertThat(client.getInfoToAll(fromStart).get().orElseThrow().getSettings().getStartFrom().isStart())
                .isTrue();
        assertThat(client.getInfoToAll(fromEnd).get().orElseThrow().getSettings().getStartFrom().isEnd())
                .isTrue();
    }

    @Test
    void listingAllIncludesStreamAndAllGroups() throws Exception {
        String streamA = newStream("orders");
        String streamB = newStream("orders");
        String group = group();
        client.createToStream(streamA, group).get();
        client.createToStream(streamB, group).get();
        client.createToAll(group).get();

        List<PersistentSubscriptionInfo> all = client.listAll().get();

        assertThat(all).filteredOn(info -> info.getGroupName().equals(group))
                .extracting(PersistentSubscriptionInfo::getEventSource)
                .containsExactlyInAnyOrder(streamA, streamB, "$all");
    }

    @Test
    void listingForAStreamReturnsOnlyThatStreamsGroups() throws Exception {
        String stream = newStream("orders");
        client.createToStream(stream, "first").get();
        client.createToStream(stream, "second").get();
        client.createToStream(newStream("orders"), "third").get();

        List<PersistentSubscriptionToStreamInfo> groups = client.listToStream(stream).get();

        assertThat(groups).extracting(PersistentSubscriptionInfo::getGroupName)
                .containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void listingForAllReturnsOnlyAllGroups() throws Exception {
        String group = group();
        client.createToAll(group).get();
        client.createToStream(newStream("orders"), group).get();

        List<PersistentSubscriptionToAllInfo> groups = client.listToAll().get();

        assertThat(groups).allSatisfy(info -> assertThat(info.getEventSource()).isEqualTo("$all"))
                .extracting(PersistentSubscriptionInfo::getGroupName).contains(group);
    }

    @Test
    void streamAndGroupNamesMayContainSlashes() throws Exception {
        String stream = "/foo/" + UUID.randomUUID() + "/stream";
        String group = "/foo/" + UUID.randomUUID() + "/group";
        client.createToStream(stream, group).get();

        Optional<PersistentSubscriptionToStreamInfo> info = client.getInfoToStream(stream, group).get();

        assertThat(info).isPresent();
        assertThat(info.get().getEventSource()).isEqualTo(stream);
        assertThat(info.get().getGroupName()).isEqualTo(group);
    }

    @Test
    void updatingAGroupChangesItsSettings() throws Exception {
        String stream = newStream("orders");
        String group = group();
        client.createToStream(stream, group).get();

        client.updateToStream(stream, group, UpdatePersistentSubscriptionToStreamOptions.get()
                .checkpointAfterInMs(5_000).startFrom(2).maxRetryCount(3)).get();

        PersistentSubscriptionToStreamInfo info = client.getInfoToStream(stream, group).get().orElseThrow();
        assertThat(info.getSettings().getCheckpointAfter().toMillis()).isEqualTo(5_000);
        assertThat(info.getSettings().getMaxRetryCount()).isEqualTo(3);
        assertThat(info.getSettings().getStartFrom().getPositionOrThrow()).isEqualTo(2L);
    }

    @Test
    void updatingAGroupDropsItsConnectedConsumers() throws Exception {
        String stream = newStream("orders");
        String group = group();
        client.createToStream(stream, group).get();
        Consumer consumer = Consumer.acking();
        client.subscribeToStream(stream, group, consumer).get();

        client.updateToStream(stream, group, UpdatePersistentSubscriptionToStreamOptions.get()).get();

        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.cancelled);
        assertThat(consumer.cancelledWith).isNotNull();
    }

    @Test
    void theInfoShowsConnectionsWithTheirInFlightMessages() throws Exception {
        String stream = newStream("orders");
        String group = group();
        client.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get().fromStart()).get();
        Events.appendMany(emulator.client(), stream, "OrderPlaced", 3);
        Consumer consumer = Consumer.holding();
        PersistentSubscription subscription = client.subscribeToStream(stream, group,
                SubscribePersistentSubscriptionOptions.get().bufferSize(5), consumer).get();
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.deliveries.size() == 3);

        PersistentSubscriptionToStreamInfo info = client.getInfoToStream(stream, group).get().orElseThrow();

        assertThat(info.getStats().getTotalInFlightMessages()).isEqualTo(3);
        assertThat(info.getStats().getLastKnownEventRevision()).contains(2L);
        assertThat(info.getConnections()).hasSize(1);
        assertThat(info.getConnections().get(0).getInFlightMessages()).isEqualTo(3);
        assertThat(info.getConnections().get(0).getAvailableSlots()).isEqualTo(2);
        subscription.stop();
    }

    @Test
    void aFullGroupRefusesAnotherConsumer() throws Exception {
        String stream = newStream("orders");
        String group = group();
        client.createToStream(stream, group, CreatePersistentSubscriptionToStreamOptions.get()
                .maxSubscriberCount(1)).get();
        PersistentSubscription first = client.subscribeToStream(stream, group, Consumer.acking()).get();

        assertThatThrownBy(() -> client.subscribeToStream(stream, group, Consumer.acking()).get())
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.FAILED_PRECONDITION));
        first.stop();
    }

    @Test
    void restartingTheSubsystemSucceeds() throws Exception {
        client.restartSubsystem().get();
    }
}
