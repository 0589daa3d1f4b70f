package com.paystream.accounts.account;

import com.eventstore.dbclient.ExpectedRevision;
import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.store.AppendResult;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventCodec;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.store.RawEventPage;
import com.paystream.infrastructure.store.RegistryEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The account streams ({@code account-{accountId}}, private to this service). An account's id derives from its sort
 * code and account number, so one number can be opened once, and a payment finds its account without an index.
 */
@ApplicationScoped
public class Accounts {
    static final String CATEGORY = "account";
    static final EventCodec<AccountEvent> CODEC = new RegistryEventCodec<>(EventRegistry.of(AccountEvent.class));

    @Inject
    EventStore store;

    /** The id of the account with this sort code and account number, opened or not. */
    public static String idOf(String sortCode, String accountNumber) {
        return UUID.nameUUIDFromBytes(("account:" + sortCode + ":" + accountNumber)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String stream(String accountId) {
        return CATEGORY + "-" + accountId;
    }

    /** The account as its events make it ({@code null} state when never opened), with the revision read. */
    Loaded load(String accountId) {
        LoadedStream<AccountEvent> stream = store.load(stream(accountId), CODEC);
        return new Loaded(Account.replay(stream.payloads()), stream.expectedRevision(), stream.revision());
    }

    /** A page of the account's raw events from {@code fromRevision}. */
    RawEventPage history(String accountId, long fromRevision, int limit) {
        return store.readPage(stream(accountId), fromRevision, limit);
    }

    /** Appends the decided events at the revision the decision was made on (nothing when there are none). */
    long append(String accountId, Loaded basis, Causation cause, List<AccountEvent> events) {
        if (events.isEmpty()) {
            return basis.revision();
        }
        AppendResult result = store.append(stream(accountId), basis.expected(), cause, events, CODEC);
        return result.nextExpectedRevision();
    }

    record Loaded(Account account, ExpectedRevision expected, long revision) {
    }
}
