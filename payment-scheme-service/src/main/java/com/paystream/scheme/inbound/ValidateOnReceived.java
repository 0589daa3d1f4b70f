package com.paystream.scheme.inbound;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentEvent;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.InboundPaymentReturned;
import com.paystream.events.InboundPaymentScheduled;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.ReturnReason;
import com.paystream.infrastructure.store.PaymentTimeline;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.scheme.config.BacsCalendars;
import com.paystream.scheme.config.ModulusTables;
import com.paystream.scheme.config.SchemeConfig;
import com.paystream.topology.ConsumerGroup;
import com.paystream.topology.PaymentSchemeReactions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment the scheme delivered is validated on the scheme's today: it goes on ({@code Validated}) when its entry
 * day has come, waits for it ({@code Scheduled}, released by {@link ReleaseOnEntryDay}) when the day is still to come,
 * or goes back ({@code Returned}) when it breaks a rule.
 */
@ApplicationScoped
public class ValidateOnReceived implements Reaction<InboundPaymentReceived> {
    @Inject
    PaymentTimeline timeline;
    @Inject
    SchemeConfig config;
    @Inject
    ModulusTables modulus;
    @Inject
    BacsCalendars calendars;
    @Inject
    Clock clock;

    private BacsRules rules;

    @PostConstruct
    void loadRules() {
        rules = new BacsRules(modulus.check(), config.itemLimitPence(), calendars.calendar());
    }

    @Override
    public ConsumerGroup<InboundPaymentReceived> consumerGroup() {
        return PaymentSchemeReactions.VALIDATE_ON_RECEIVED;
    }

    @Override
    public void react(InboundPaymentReceived received, EventContext context) {
        LocalDate today = BacsCalendar.today(clock);
        InboundPaymentEvent outcome = rules.firstBroken(received.details(), today)
                .<InboundPaymentEvent>map(broken -> new InboundPaymentReturned(received.paymentId(),
                        received.details().schemeTransactionId(), ReturnReason.INVALID_DETAILS, broken,
                        context.created()))
                .orElseGet(() -> passed(received.paymentId(), received.details(), today, context));
        // appended right after the trigger: a redelivery repeats the same ids at the same revision, a no-op
        timeline.continueAfter(context, List.of(outcome));
    }

    private InboundPaymentEvent passed(String paymentId, InboundPaymentDetails details, LocalDate today,
                                       EventContext context) {
        LocalDate entryDay = calendars.calendar().entryDay(details.processingDate());
        if (entryDay.isAfter(today)) {
            return new InboundPaymentScheduled(paymentId, details, entryDay, context.created());
        }
        return new InboundPaymentValidated(paymentId, details, context.created());
    }
}
