package com.paystream.scheme.inbound;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentEvent;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.ReturnReason;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.scheme.config.ModulusTables;
import com.paystream.scheme.config.SchemeConfig;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.PaymentSchemeReactions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** A payment the scheme delivered is validated: it goes on ({@code Validated}) or back ({@code Returned}). */
@ApplicationScoped
public class ValidateOnReceived implements Reaction<InboundPaymentReceived> {
    @Inject
    PaymentTimeline timeline;
    @Inject
    SchemeConfig config;
    @Inject
    ModulusTables modulus;

    private BacsRules rules;

    @PostConstruct
    void loadRules() {
        rules = new BacsRules(modulus.check(), config.itemLimitPence(),
                BacsCalendar.englandAndWales());
    }

    @Override
    public ConsumerGroup<InboundPaymentReceived> consumerGroup() {
        return PaymentSchemeReactions.VALIDATE_ON_RECEIVED;
    }

    @Override
    public void react(InboundPaymentReceived received, EventContext context) {
        InboundPaymentEvent outcome = rules.firstBroken(received.details())
                .<InboundPaymentEvent>map(broken -> new InboundPaymentReturned(received.paymentId(),
                        received.details().schemeTransactionId(), ReturnReason.INVALID_DETAILS, broken,
                        context.created()))
                .orElseGet(() -> new InboundPaymentValidated(received.paymentId(), received.details(),
                        context.created()));
        // appended right after the trigger: a redelivery repeats the same ids at the same revision, a no-op
        timeline.continueAfter(context, List.of(outcome));
    }
}
