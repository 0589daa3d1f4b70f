package com.paystream.simulator.record;

import com.paystream.events.InboundPaymentReturned;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.SchemeSimulatorReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The scheme receives the bank's returns: each {@code InboundPaymentReturned} is recorded once on the transaction's
 * {@code schemeinbound-} stream (also for a transaction the simulator did not send, e.g. one posted to the gateway
 * by hand: the scheme still receives its return).
 */
@ApplicationScoped
public class RecordReturns implements Reaction<InboundPaymentReturned> {
    @Inject
    EventStore store;

    @Override
    public ConsumerGroup<InboundPaymentReturned> consumerGroup() {
        return SchemeSimulatorReactions.RECORD_RETURNS;
    }

    @Override
    public void react(InboundPaymentReturned returned, EventContext context) {
        String stream = SchemeInbound.stream(returned.schemeTransactionId());
        LoadedStream<SchemeInboundEvent> recorded = store.load(stream, SchemeInbound.CODEC);
        boolean known = recorded.payloads().stream().anyMatch(event -> event instanceof SchemeReturnReceived r
                && r.paymentId().equals(returned.paymentId()));
        if (known) {
            return;
        }
        store.append(stream, recorded.expected(), context.causation(),
                List.of(new SchemeReturnReceived(returned.schemeTransactionId(), returned.paymentId(),
                        returned.reason().code(), returned.reason().description(), returned.detail(),
                        returned.returnedAt())), SchemeInbound.CODEC);
    }
}
