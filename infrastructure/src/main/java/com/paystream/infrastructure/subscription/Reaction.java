package com.paystream.infrastructure.subscription;

import com.paystream.events.PaymentEvent;
import com.paystream.topology.ConsumerGroup;

/**
 * A reaction to one published event type, through a persistent-subscription consumer group on
 * {@code $et-{EventType}}. Declare it as a CDI bean ({@code @ApplicationScoped}); the
 * {@link PersistentSubscriptionRunner} creates the group if missing, subscribes, and acks, retries or parks:
 * <ul>
 *   <li>returns normally: ack;</li>
 *   <li>throws {@code StoreUnavailableException} or {@code RevisionConflictException} (a concurrent writer), or
 *       {@link TransientFailure}: nack Retry (past the group's max retry count the server parks it);</li>
 *   <li>throws anything else: nack Park, with the exception's message as the reason.</li>
 * </ul>
 * Events that cannot be deserialised are parked before reaching it. Deliveries are at least once: make the reaction
 * idempotent by appending with {@link EventContext#causation()} (deterministic ids) at the revision it read.
 */
public interface Reaction<E extends PaymentEvent> {
    /** The consumer group, one per reaction (see {@code ConsumerGroups}): its name and the event type consumed. */
    ConsumerGroup<E> consumerGroup();

    default String group() {
        return consumerGroup().name();
    }

    /** The event type reacted to; its {@code $et-} stream is subscribed. */
    default Class<E> eventType() {
        return consumerGroup().eventType();
    }

    /**
     * Events with the same key are handled one at a time, in the order delivered; others may be handled at the same
     * time (see {@code eventstore.subscriptions.concurrency}). The payment by default; a reaction that writes to
     * another stream may key by it (the account credited), so two of its writes there never race in this process.
     */
    default String orderingKey(E event) {
        return event.paymentId();
    }

    void react(E event, EventContext context) throws Exception;
}
