package com.paystream.emulator.persistent;

import io.kurrent.dbclient.PersistentSubscription;
import io.kurrent.dbclient.PersistentSubscriptionListener;
import io.kurrent.dbclient.ResolvedEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A test consumer: records every delivery and reacts as told (ack by default). */
final class Consumer extends PersistentSubscriptionListener {
    record Delivery(ResolvedEvent event, int retryCount) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    volatile Throwable cancelledWith;
    volatile boolean cancelled;
    private final BiConsumer<PersistentSubscription, Delivery> reaction;

    Consumer(BiConsumer<PersistentSubscription, Delivery> reaction) {
        this.reaction = reaction;
    }

    static Consumer acking() {
        return new Consumer((subscription, delivery) -> subscription.ack(delivery.event()));
    }

    static Consumer holding() {
        return new Consumer((subscription, delivery) -> { });
    }

    @Override
    public void onEvent(PersistentSubscription subscription, int retryCount, ResolvedEvent event) {
        Delivery delivery = new Delivery(event, retryCount);
        deliveries.add(delivery);
        reaction.accept(subscription, delivery);
    }

    @Override
    public void onCancelled(PersistentSubscription subscription, Throwable exception) {
        cancelledWith = exception;
        cancelled = true;
    }

    List<String> types() {
        return deliveries.stream().map(d -> d.event().getEvent().getEventType()).toList();
    }

    List<Long> revisions() {
        return deliveries.stream().map(d -> d.event().getEvent().getRevision()).toList();
    }
}
