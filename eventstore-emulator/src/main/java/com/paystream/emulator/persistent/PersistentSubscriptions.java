package com.paystream.emulator.persistent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.emulator.persistent.GroupDefinition.GroupKey;
import com.paystream.emulator.store.AppendOutcome;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.store.StreamRead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The persistent-subscription subsystem: the groups, their definitions kept as events in
 * {@value #CONFIG_STREAM} (the latest snapshot wins), restored with their checkpoints when the store opens.
 */
final class PersistentSubscriptions {
    static final String CONFIG_STREAM = "$persistentSubscriptionConfig";
    static final String CONFIG_TYPE = "$PersistentConfig1";
    private static final Logger LOG = Logger.getLogger(PersistentSubscriptions.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TICK_MILLIS = 50;

    private final StreamDatabase store;
    private final Executor executor;
    private final Map<GroupKey, SubscriptionGroup> groups = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final Runnable onCommit = this::wakeConnected;
    private boolean configMetadataWritten;

    PersistentSubscriptions(StreamDatabase store, Executor executor) {
        this.store = store;
        this.executor = executor;
        restore();
        store.onCommit(onCommit);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "persistent-subscriptions-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------------------------------- definitions

    /** Creates a group; {@code null} when one with that name already exists on the stream. */
    synchronized CompletableFuture<Void> create(GroupDefinition definition) {
        if (groups.containsKey(definition.key())) {
            return null;
        }
        groups.put(definition.key(), new SubscriptionGroup(store, executor, definition, null));
        return persist();
    }

    /** Applies new settings; {@code null} when there is no such group. */
    synchronized CompletableFuture<Void> update(GroupKey key, GroupDefinition.Start start,
                                                GroupDefinition.Settings settings) {
        SubscriptionGroup group = groups.get(key);
        if (group == null) {
            return null;
        }
        GroupDefinition current = group.definition();
        group.update(current.withSettings(start, resolveStart(current.stream(), start), settings));
        return persist();
    }

    /** Deletes a group with its checkpoint and parked messages; {@code null} when there is no such group. */
    synchronized CompletableFuture<Void> delete(GroupKey key) {
        SubscriptionGroup group = groups.remove(key);
        if (group == null) {
            return null;
        }
        group.delete();
        store.delete(group.checkpointStream(), ExpectedRevision.ANY, false);
        store.delete(group.parkedStream(), ExpectedRevision.ANY, false);
        return persist();
    }

    Optional<SubscriptionGroup> find(GroupKey key) {
        return Optional.ofNullable(groups.get(key));
    }

    List<SubscriptionGroup> all() {
        return new ArrayList<>(groups.values());
    }

    void restartSubsystem() {
        for (SubscriptionGroup group : all()) {
            group.restartSubsystem();
        }
    }

    /**
     * Another node leads now: every group drops its consumers, as the real server's do when their node stops leading,
     * and starts again from its last checkpoint, as they do on the new leader (what was delivered since, acked or
     * not, is delivered again).
     */
    void leaderChanged() {
        for (SubscriptionGroup group : all()) {
            group.leaderChanged();
        }
    }

    /** Where a group starts when it has no checkpoint; "end" means the end as it is now. */
    long resolveStart(String stream, GroupDefinition.Start start) {
        boolean all = GroupDefinition.ALL.equals(stream);
        return switch (start.kind()) {
            case START -> 0;
            case AT -> start.value();
            case END -> all ? store.endPosition() : store.lastRevision(stream) + 1;
        };
    }

    /** Writes every definition as one event; the store keeps only the latest ({@code $maxCount} 1). */
    private CompletableFuture<Void> persist() {
        ObjectNode snapshot = MAPPER.createObjectNode();
        snapshot.put("version", 1);
        ArrayNode list = snapshot.putArray("groups");
        for (SubscriptionGroup group : groups.values()) {
            list.add(group.definition().toJson(MAPPER));
        }
        if (!configMetadataWritten) {
            configMetadataWritten = true;
            store.appendMetadata(CONFIG_STREAM, "{\"$maxCount\":1}");
        }
        return store.append(CONFIG_STREAM, ExpectedRevision.ANY, List.of(new ProposedEvent(StreamDatabase.newEventId(),
                        CONFIG_TYPE, true, snapshot.toString().getBytes(StandardCharsets.UTF_8), new byte[0])))
                .thenApply(result -> {
                    if (!(result instanceof AppendOutcome.Success)) {
                        throw new IllegalStateException("Could not store the subscription definitions: " + result);
                    }
                    return null;
                });
    }

    private void restore() {
        StreamRead read = store.readStream(CONFIG_STREAM, -1, false, 1, false);
        if (!(read instanceof StreamRead.Events events) || events.events().isEmpty()) {
            return;
        }
        try {
            JsonNode snapshot = MAPPER.readTree(events.events().get(0).event().data());
            for (JsonNode node : snapshot.get("groups")) {
                GroupDefinition definition = GroupDefinition.fromJson(node);
                Long checkpoint = SubscriptionGroup.readCheckpoint(store,
                        SubscriptionGroup.streamPrefix(definition) + "-checkpoint");
                groups.put(definition.key(), new SubscriptionGroup(store, executor, definition, checkpoint));
            }
            configMetadataWritten = true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not restore the persistent subscription definitions", e);
        }
    }

    // ------------------------------------------------------------------------------------------------- wake-ups

    /** On the store's writer thread: only schedules pumps. */
    private void wakeConnected() {
        for (SubscriptionGroup group : groups.values()) {
            if (group.hasConnections()) {
                group.schedule();
            }
        }
    }

    private void tick() {
        try {
            executor.execute(() -> {
                for (SubscriptionGroup group : groups.values()) {
                    if (group.needsTicks()) {
                        group.schedule();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // the server's executor is gone: the emulator was closed
            store.removeCommitListener(onCommit);
            ticker.shutdown();
        }
    }
}
