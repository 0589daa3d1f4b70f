package com.paystream.accounts.account;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.RawEventPage;
import com.paystream.infrastructure.store.RegistryEventCodec;
import com.paystream.infrastructure.store.StoredEvent;
import com.paystream.infrastructure.store.StreamWrite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The account streams ({@code account-{accountId}}, private to this service). An account's id derives from its sort
 * code and account number, so one number can be opened once, and a payment finds its account without an index.
 */
@ApplicationScoped
public class Accounts {
    /** The category of the account streams: {@code $ce-account} has every account's events. */
    public static final String CATEGORY = "account";
    static final EventCodec<AccountEvent> CODEC = new RegistryEventCodec<>(EventRegistry.of(AccountEvent.class));

    private static final int REMEMBERED_ACCOUNTS = 10_000;

    @Inject
    EventStore store;

    /** The last state of the most recently used accounts (least recently used forgotten first). */
    private final Map<String, Loaded> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
                    return size() > REMEMBERED_ACCOUNTS;
                }
            });

    /** The id of the account with this sort code and account number, opened or not. */
    public static String idOf(String sortCode, String accountNumber) {
        return UUID.nameUUIDFromBytes(("account:" + sortCode + ":" + accountNumber)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String stream(String accountId) {
        return CATEGORY + "-" + accountId;
    }

    /**
     * The account as its events make it ({@code null} state when never opened), with the revision read. The last
     * state loaded or written here is kept per account, so a load reads only the events written since (by another
     * instance), usually none, instead of the whole stream; a decision is still appended at the revision it saw.
     */
    public Loaded load(String accountId) {
        Loaded cached = recent.get(accountId);
        if (cached == null) {
            LoadedStream<AccountEvent> stream = store.load(stream(accountId), CODEC);
            return remember(accountId, new Loaded(Account.replay(stream.payloads()), stream.revision()));
        }
        List<StoredEvent<AccountEvent>> since = new ArrayList<>();
        forEachEvent(accountId, cached.revision() + 1, since::add);
        if (since.isEmpty()) {
            return cached;
        }
        Account.Replay replay = new Account.Replay(cached.account());
        since.forEach(stored -> replay.apply(stored.event()));
        long revision = since.get(since.size() - 1).revision();
        return remember(accountId, new Loaded(replay.state(), revision));
    }

    /**
     * The account as this instance last saw it, without asking the store (loaded when not remembered). Only for a
     * decision that is appended to the account at the revision it saw: if another instance wrote since, the append is
     * refused with a conflict and the decision is made again on a fresh load. A decision that writes nothing to the
     * account (a refusal) must be checked on {@link #load} instead.
     */
    public Loaded loadRemembered(String accountId) {
        Loaded cached = recent.get(accountId);
        return cached != null ? cached : load(accountId);
    }

    private Loaded remember(String accountId, Loaded loaded) {
        if (loaded.account() != null) {
            recent.put(accountId, loaded);
        }
        return loaded;
    }

    /**
     * Shows {@code visitor} the account's events from {@code fromRevision} on, in order, until it answers false or
     * they end (nothing when the account was never opened).
     */
    public void forEachEvent(String accountId, long fromRevision, Predicate<StoredEvent<AccountEvent>> visitor) {
        store.forEachForwards(stream(accountId), CODEC, fromRevision, visitor);
    }

    /** A page of the account's raw events from {@code fromRevision}. */
    RawEventPage history(String accountId, long fromRevision, int limit) {
        return store.readPage(stream(accountId), fromRevision, limit);
    }

    /**
     * Appends the decided events at the revision the decision was made on (nothing when there are none): the account
     * after them, at its new revision.
     */
    public Loaded append(String accountId, Loaded basis, Causation cause, List<AccountEvent> events) {
        return appendWith(accountId, basis, cause, events, after -> null);
    }

    /**
     * As {@link #append}, in one atomic write with another stream's part of the same step: {@code alongside} is given
     * the account after the events and answers that write (or null: none). Both streams are written, or neither.
     * With no account events, only {@code alongside}'s write is made.
     */
    public Loaded appendWith(String accountId, Loaded basis, Causation cause, List<AccountEvent> events,
                             Function<Account, StreamWrite> alongside) {
        Account after = basis.account();
        for (AccountEvent event : events) {
            after = Account.evolve(after, event);
        }
        StreamWrite other = alongside.apply(after);
        if (events.isEmpty()) {
            if (other != null) {
                store.append(other);
            }
            return basis;
        }
        StreamWrite account = StreamWrite.of(stream(accountId), Expected.asRead(basis.revision()), cause, events,
                CODEC);
        AppendResult result;
        try {
            result = other == null ? store.append(account) : store.appendAtomically(account, other).get(0);
        } catch (RuntimeException e) {
            recent.remove(accountId);
            throw e;
        }
        return remember(accountId, new Loaded(after, result.nextExpectedRevision()));
    }

    /**
     * An account ({@code null} when never opened) and the revision of its stream it was read at: its last event's
     * ({@link LoadedStream#NO_STREAM} when there is none), the ETag of what a person saw.
     */
    public record Loaded(Account account, long revision) {
    }
}
