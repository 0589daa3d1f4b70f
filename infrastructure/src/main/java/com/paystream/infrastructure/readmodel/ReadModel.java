package com.paystream.infrastructure.readmodel;

import com.paystream.events.EventRegistry;
import com.paystream.infrastructure.subscription.EventContext;

/**
 * A read model fed by a catch-up subscription. Declare it as a CDI bean ({@code @ApplicationScoped}); the
 * {@link ReadModelRunner} catches it up on start, then follows live, and stores its checkpoint in
 * {@code readmodelcheckpoint-{name}}. Readiness ({@code read-models}) is DOWN until every read model caught up.
 *
 * <p>{@link #apply} is called from one thread at a time, in the order of the source. An event of a type outside
 * {@link #events()} is passed over (logged). One of its types that cannot be read is noted for the operators and gone
 * past ({@code /ops/read-models} lists it), unless the model {@linkplain #stopsAtAnUnreadableEvent() stops there};
 * an exception from {@code apply} stops the model (readiness DOWN with the reason). Nothing is skipped in silence.
 */
public interface ReadModel<E> {
    /** Unique, letters and digits (also used in the checkpoint stream name). */
    String name();

    /** What it follows: usually {@code ReadModelSource.stream("$ce-payment")}. */
    ReadModelSource source();

    /**
     * The family of events it reads: {@code EventTypes.REGISTRY} for the published events, or a service's private
     * family ({@code EventRegistry.of(AccountEvent.class)}) for a read model over its own streams. Events of types
     * outside the family are passed over.
     */
    EventRegistry<E> events();

    /** Applies one event. {@code context.revision()} is the event's revision in its own stream. */
    void apply(E event, EventContext context);

    /** Forgets everything: called before a rebuild from the start. */
    void reset();

    /**
     * Whether its state outlives the process (kept in a database): then it resumes from its stored checkpoint
     * after a restart. An in-memory read model (the default) is rebuilt from the start on every start.
     */
    default boolean keepsStateAcrossRestarts() {
        return false;
    }

    /**
     * Whether an event it cannot read (of an unknown type, or unreadable JSON) stops it, readiness DOWN with the
     * reason, instead of being gone past. For a model that must never answer from part of its history: a sanctions
     * list with an entry missing would screen payments against less than the list.
     */
    default boolean stopsAtAnUnreadableEvent() {
        return false;
    }
}
