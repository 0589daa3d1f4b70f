package com.paystream.infrastructure.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.events.EventJson;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.client.EventStoreClients;
import io.kurrent.dbclient.Acls;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.StreamAcl;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the streams this service writes private to it, in fact and not by convention. Every stream outside the shared
 * {@code payment-} category (screenings, accounts, snapshots, checkpoints, the sanctions list, the scheme's records)
 * gets stream metadata with an access control list naming only this service's EventStoreDB user, before its first
 * event: read, write and metadata for the owner, delete for {@code $admins} only. Another service's user is refused
 * with PERMISSION_DENIED, and {@code $admins} can always get in.
 *
 * <p>Costs one metadata append per new stream (then remembered); a stream of an earlier release, created without an
 * ACL, gets it on its next write. Without a user in the connection string (an insecure store, which ignores ACLs)
 * nothing is written.
 */
@ApplicationScoped
public class PrivateStreams {
    private static final Logger LOG = Logger.getLogger(PrivateStreams.class);
    private static final int REMEMBERED = 10_000;
    private static final String METADATA_EVENT_TYPE = "$metadata";

    private final EventStoreClients clients;
    private final Optional<String> owner;
    /** The owner-only metadata most new streams get, built once. */
    private final byte[] ownerOnly;
    private final Set<String> protectedStreams = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    @Inject
    public PrivateStreams(EventStoreClients clients) {
        this.clients = clients;
        this.owner = clients.login();
        this.ownerOnly = owner.map(login -> metadataJson(ownedBy(login), null)).orElse(null);
    }

    /** Whether this service connects as a user of its own, so that its streams are made private. */
    public boolean enabled() {
        return owner.isPresent();
    }

    /** Whether {@code stream} is shared by every service (a payment's timeline) or a system stream. */
    public static boolean isShared(String stream) {
        return stream.startsWith("$") || stream.startsWith(PaymentStreams.PAYMENT_CATEGORY + "-");
    }

    /** The access control list of a stream private to {@code login}. */
    public static StreamAcl ownedBy(String login) {
        return Acls.newStreamAcl().addReadRoles(login).addWriteRoles(login).addDeleteRoles("$admins")
                .addMetaReadRoles(login).addMetaWriteRoles(login);
    }

    /** Stream metadata as EventStoreDB stores it: {@code acl}, and a {@code $maxCount} when given. */
    static byte[] metadataJson(StreamAcl acl, Long maxCount) {
        ObjectNode metadata = EventJson.mapper().createObjectNode();
        if (maxCount != null) {
            metadata.put("$maxCount", maxCount);
        }
        ObjectNode roles = metadata.putObject("$acl");
        acl.getReadRoles().forEach(roles.putArray("$r")::add);
        acl.getWriteRoles().forEach(roles.putArray("$w")::add);
        acl.getDeleteRoles().forEach(roles.putArray("$d")::add);
        acl.getMetaReadRoles().forEach(roles.putArray("$mr")::add);
        acl.getMetaWriteRoles().forEach(roles.putArray("$mw")::add);
        try {
            return EventJson.mapper().writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code stream} should be private to this service and is not known to be yet. */
    boolean unprotected(String stream) {
        return owner.isPresent() && !isShared(stream) && !protectedStreams.contains(stream);
    }

    /**
     * The write of a new stream's owner-only ACL, for the same atomic append as the stream's first events: its
     * metadata stream is expected not to exist.
     */
    AppendStreamRequest aclForNewStream(String stream) {
        EventData metadata = EventDataBuilder.json(UUID.randomUUID(), METADATA_EVENT_TYPE, ownerOnly).build();
        return new AppendStreamRequest("$$" + stream, List.of(metadata).iterator(), StreamState.noStream());
    }

    /** {@code stream} got its ACL (in an atomic write with its first events). */
    void protectedNow(String stream) {
        protectedStreams.add(stream);
    }

    /** Gives a not-shared stream its owner-only ACL, unless it has it; once per stream. */
    public void protect(String stream) {
        protect(stream, null);
    }

    /**
     * As {@link #protect(String)}, with a {@code $maxCount} written alongside the ACL when not null. Existing
     * metadata without this ACL is kept, with the ACL (and the max count) added.
     *
     * @throws StoreAccessDeniedException when the stream's metadata belongs to another user
     */
    public void protect(String stream, Long maxCount) {
        if (owner.isEmpty() || isShared(stream) || protectedStreams.contains(stream)) {
            return;
        }
        StreamAcl acl = ownedBy(owner.get());
        try {
            // the metadata event written as an append to the metastream: the client's setStreamMetadata builds a
            // new JSON mapper for every call, a cost that showed at hundreds of new streams a second
            EventData metadata = EventDataBuilder.json(UUID.randomUUID(), METADATA_EVENT_TYPE,
                    maxCount == null ? ownerOnly : metadataJson(acl, maxCount)).build();
            clients.call(client -> client.appendToStream("$$" + stream,
                    AppendToStreamOptions.get().streamState(StreamState.noStream()), metadata));
        } catch (RevisionConflictException e) {
            // metadata already there: ours (a retry, another instance) or from before ACLs; add the ACL if missing
            StreamMetadata current = clients.call(client -> client.getStreamMetadata(stream));
            if (!acl.equals(current.getAcl())) {
                current.setAcl(acl);
                if (maxCount != null) {
                    current.setMaxCount(maxCount);
                }
                clients.call(client -> client.setStreamMetadata(stream, current));
                LOG.infof("Stream %s is now private to %s", stream, owner.get());
            }
        }
        protectedStreams.add(stream);
    }
}
