package com.paystream.infrastructure.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.events.EventJson;
import com.paystream.events.EventTypes;
import com.paystream.infrastructure.client.EventStoreClients;
import com.paystream.infrastructure.problem.UpstreamProblem;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.RawEvent;
import com.paystream.infrastructure.store.StoreAccessDeniedException;
import com.paystream.infrastructure.subscription.PersistentSubscriptionRunner;
import com.paystream.infrastructure.subscription.Reaction;
import io.kurrent.dbclient.PersistentSubscriptionToStreamInfo;
import io.kurrent.dbclient.PersistentSubscriptionToStreamStats;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Operating the consumer groups this service runs: their state in the store, their parked messages with the
 * reasons, and the replay of those messages (after the fault is fixed) through the normal subscription.
 */
@ApplicationScoped
public class SubscriptionOps {
    private static final Logger LOG = Logger.getLogger(SubscriptionOps.class);

    private final EventStoreClients clients;
    private final PersistentSubscriptionRunner runner;
    private final Instance<Reaction<?>> reactions;

    @Inject
    public SubscriptionOps(EventStoreClients clients, PersistentSubscriptionRunner runner,
                           @Any Instance<Reaction<?>> reactions) {
        this.clients = clients;
        this.runner = runner;
        this.reactions = reactions;
    }

    /** The groups of this service's reactions, in name order. */
    public List<GroupStatus> groups() {
        List<GroupStatus> groups = new ArrayList<>();
        for (Reaction<?> reaction : sortedReactions()) {
            groups.add(status(reaction));
        }
        return groups;
    }

    /** One group. @throws NoSuchElementException when no reaction of this service uses it */
    public GroupStatus group(String group) {
        return status(reaction(group));
    }

    /**
     * The group's parked messages still waiting (oldest first), at most {@code limit}.
     *
     * @throws UpstreamProblem when the store refuses: once EventStoreDB has replayed some of a group's parked
     *                         messages, it resets the parked stream's access list to {@code $admins} only, until
     *                         the data seeder's {@code --keep-parked-grants} gives the read access back
     */
    public List<ParkedMessage> parked(String group, int limit) {
        Reaction<?> reaction = reaction(group);
        String stream = parkedStream(reaction);
        ReadResult result;
        try {
            result = clients.call(client -> client.readStream(stream,
                    ReadStreamOptions.get().forwards().fromStart().maxCount(limit).resolveLinkTos()));
        } catch (StreamNotFoundException e) {
            return List.of();
        } catch (StoreAccessDeniedException e) {
            throw new UpstreamProblem("parked-messages-admins-only", "EventStoreDB lets only $admins read the parked "
                    + "messages of " + group + " once it has replayed some of them (it resets the parked stream's "
                    + "access list); " + status(reaction).parked() + " are parked now, and replaying them still works. "
                    + "The data seeder running with --keep-parked-grants gives this service read access back at "
                    + "once: is it running?");
        }
        List<ParkedMessage> parked = new ArrayList<>();
        for (ResolvedEvent resolved : result.getEvents()) {
            parked.add(parkedMessage(resolved));
        }
        return parked;
    }

    /** Asks the store to deliver the group's parked messages again, to whichever consumer is subscribed. */
    public void replayParked(String group) {
        Reaction<?> reaction = reaction(group);
        clients.callPersistent(persistent -> persistent.replayParkedMessagesToStream(
                reaction.consumerGroup().stream(), group));
        LOG.infof("Replaying the parked messages of group %s", group);
    }

    private static String parkedStream(Reaction<?> reaction) {
        return reaction.consumerGroup().parkedStream();
    }

    private GroupStatus status(Reaction<?> reaction) {
        String stream = reaction.consumerGroup().stream();
        String type = EventTypes.nameOf(reaction.eventType());
        boolean here = runner.isSubscribed(reaction.group());
        Optional<PersistentSubscriptionToStreamInfo> info = clients.callPersistent(
                persistent -> persistent.getInfoToStream(stream, reaction.group()));
        if (info.isEmpty()) {
            return new GroupStatus(reaction.group(), stream, type, GroupState.MISSING, false, here, null, 0, null,
                    null, null, null, 0, 0, 0, 0, 0);
        }
        PersistentSubscriptionToStreamStats stats = info.get().getStats();
        Long last = lastRevision(stream);
        Long known = stats.getLastKnownEventRevision().orElse(null);
        Long checkpointed = stats.getLastCheckpointedEventRevision().orElse(null);
        long lag = Lag.of(last, known != null ? known : checkpointed, stats.getReadBufferCount(),
                stats.getRetryBufferCount(), stats.getTotalInFlightMessages());
        long parked = stats.getParkedMessageCount();
        return new GroupStatus(reaction.group(), stream, type, GroupState.of(lag, parked), true, here,
                info.get().getStatus(), info.get().getConnections().size(), last, known, checkpointed, lag,
                stats.getTotalInFlightMessages(), parked, stats.getReadBufferCount(), stats.getRetryBufferCount(),
                stats.getTotalItems());
    }

    /** The last revision of the group's stream (the service may read it), or null when it is empty. */
    private Long lastRevision(String stream) {
        try {
            List<ResolvedEvent> last = clients.call(client -> client.readStream(stream,
                    ReadStreamOptions.get().backwards().fromEnd().maxCount(1).notResolveLinkTos())).getEvents();
            return last.isEmpty() ? null : last.get(0).getOriginalEvent().getRevision();
        } catch (StreamNotFoundException e) {
            return null;
        }
    }

    private static ParkedMessage parkedMessage(ResolvedEvent resolved) {
        RecordedEvent link = resolved.getLink() != null ? resolved.getLink() : resolved.getEvent();
        JsonNode linkMetadata = json(link.getUserMetadata());
        String reason = text(linkMetadata, "reason");
        Instant parkedAt = instant(text(linkMetadata, "added"), link.getCreated());
        Integer retryCount = linkMetadata != null && linkMetadata.hasNonNull("retryCount")
                ? linkMetadata.get("retryCount").asInt() : null;
        if (resolved.getLink() == null) {
            // the link could not be resolved: the event it pointed at is gone; show where it pointed
            String pointer = new String(link.getEventData(), StandardCharsets.UTF_8);
            int at = pointer.indexOf('@');
            return new ParkedMessage(link.getRevision(), reason, parkedAt, retryCount,
                    at < 0 ? pointer : pointer.substring(at + 1), at < 0 ? null : revision(pointer.substring(0, at)),
                    null, null, null, null, null);
        }
        RawEvent event = EventStore.raw(resolved.getEvent());
        String paymentId = event.data() != null ? text(event.data(), "paymentId") : null;
        return new ParkedMessage(link.getRevision(), reason, parkedAt, retryCount, event.stream(), event.revision(),
                event.type(), event.eventId().toString(), paymentId, event.correlationId(), event.data());
    }

    private static Long revision(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        return json != null && json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static Instant instant(String text, Instant otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private Reaction<?> reaction(String group) {
        for (Reaction<?> reaction : reactions) {
            if (reaction.group().equals(group)) {
                return reaction;
            }
        }
        throw new NoSuchElementException("This service runs no consumer group " + group);
    }

    private List<Reaction<?>> sortedReactions() {
        List<Reaction<?>> sorted = new ArrayList<>();
        reactions.forEach(sorted::add);
        sorted.sort((a, b) -> a.group().compareTo(b.group()));
        return sorted;
    }
}
