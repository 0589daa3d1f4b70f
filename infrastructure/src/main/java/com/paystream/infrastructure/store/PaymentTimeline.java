package com.paystream.infrastructure.store;

import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;

/**
 * Writes a payment's timeline, {@code payment-{paymentId}}, in the few ways a step does, each named for what it
 * means. Event ids derive from the cause, so a repeat of the same write with the same cause writes nothing twice.
 * <ul>
 *   <li>{@link #continueAfter}: a reaction's next events, right after the event that triggered it;</li>
 *   <li>{@link #appendOnce}: events a payment gets at most once (its end, a decision, its request), unless the
 *       timeline already holds one of the given types;</li>
 *   <li>{@link #load} then {@link #append}: a step that decides on what the timeline holds, at the revision read.</li>
 * </ul>
 * A step that also writes a stream of its own writes both in one atomic append: {@link #after} and {@link #onto}
 * give the timeline's part of it.
 * Failures as {@link EventStore}'s: {@link RevisionConflictException} when the timeline moved since,
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
@ApplicationScoped
public class PaymentTimeline {
    private final EventStore store;

    @Inject
    public PaymentTimeline(EventStore store) {
        this.store = store;
    }

    /**
     * Appends {@code next} right after the event that triggered the reaction, caused by it: a redelivery repeats the
     * same ids at the same revision, which writes nothing; a timeline moved on otherwise is a
     * {@link RevisionConflictException} (a second outcome there is a conflict, never a duplicate).
     */
    public AppendResult continueAfter(EventContext trigger, List<? extends PaymentEvent> next) {
        return store.append(after(trigger, next));
    }

    /**
     * The write {@link #continueAfter} makes, for a step that writes another stream in the same atomic append
     * ({@link EventStore#appendAtomically}).
     */
    public StreamWrite after(EventContext trigger, List<? extends PaymentEvent> next) {
        return StreamWrite.of(streamOf(next), Expected.at(trigger.revision()), trigger.causation(), next);
    }

    /** The write {@link #append} makes, for a step that writes another stream in the same atomic append. */
    public StreamWrite onto(LoadedStream<PaymentEvent> read, Causation cause, List<? extends PaymentEvent> events) {
        return StreamWrite.of(read.stream(), read.expected(), cause, events);
    }

    /**
     * Appends {@code events} unless the timeline already holds an event of one of {@code unlessAnyOf} (written before
     * a redelivery, or before a crash), at the revision read, so a racing writer gives a conflict rather than a
     * second one.
     *
     * @return whether the events were appended
     */
    public boolean appendOnce(String paymentId, Causation cause, List<? extends PaymentEvent> events,
                              Collection<Class<? extends PaymentEvent>> unlessAnyOf) {
        LoadedStream<PaymentEvent> timeline = load(paymentId);
        if (holdsAnyOf(timeline, unlessAnyOf)) {
            return false;
        }
        append(timeline, cause, events);
        return true;
    }

    /** The payment's timeline as it is now (empty, at no stream, when the payment is unknown). */
    public LoadedStream<PaymentEvent> load(String paymentId) {
        return store.load(PaymentStreams.payment(paymentId));
    }

    /** Appends {@code events} to a timeline {@link #load loaded} before, if nobody wrote to it since. */
    public AppendResult append(LoadedStream<PaymentEvent> read, Causation cause,
                               List<? extends PaymentEvent> events) {
        return store.append(read.stream(), read.expected(), cause, events);
    }

    /** Whether the timeline holds an event of one of {@code types}. */
    public static boolean holdsAnyOf(LoadedStream<PaymentEvent> timeline,
                                     Collection<Class<? extends PaymentEvent>> types) {
        return timeline.payloads().stream().anyMatch(event -> types.stream().anyMatch(type -> type.isInstance(event)));
    }

    /** The one payment's stream the events are for. */
    private static String streamOf(List<? extends PaymentEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("Nothing to append to a payment's timeline");
        }
        String paymentId = events.get(0).paymentId();
        for (PaymentEvent event : events) {
            if (!paymentId.equals(event.paymentId())) {
                throw new IllegalArgumentException("Events of payments " + paymentId + " and " + event.paymentId()
                        + " on one timeline");
            }
        }
        return PaymentStreams.payment(paymentId);
    }
}
