package com.paystream.simulator.outbound;

import com.paystream.events.EventRegistry;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.subscription.EventContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every outbound payment the scheme received, with its settlement and return, from {@code $ce-schemeoutbound}. */
@ApplicationScoped
public class ReceivedOutboundPayments implements ReadModel<SchemeOutboundEvent> {
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();

    /** One received payment as the scheme knows it. */
    public record Payment(String schemeTransactionId, String paymentId, Party originator, Party beneficiary,
                          Money amount, String reference, LocalDate entryDay, Instant receivedAt, Instant settledAt,
                          Returned returned) {
        Payment settled(Instant at) {
            return new Payment(schemeTransactionId, paymentId, originator, beneficiary, amount, reference, entryDay,
                    receivedAt, at, returned);
        }

        Payment returned(Returned back) {
            return new Payment(schemeTransactionId, paymentId, originator, beneficiary, amount, reference, entryDay,
                    receivedAt, settledAt, back);
        }
    }

    public record Returned(String reasonCode, String detail, Instant returnedAt) {
    }

    @Override
    public String name() {
        return "schemeoutboundpayments";
    }

    @Override
    public ReadModelSource source() {
        return ReadModelSource.stream("$ce-" + SchemeOutbound.CATEGORY);
    }

    @Override
    public EventRegistry<SchemeOutboundEvent> events() {
        return SchemeOutbound.EVENTS;
    }

    @Override
    public void apply(SchemeOutboundEvent event, EventContext context) {
        if (event instanceof SchemeOutboundReceived r) {
            payments.putIfAbsent(r.schemeTransactionId(), new Payment(r.schemeTransactionId(), r.paymentId(),
                    r.originator(), r.beneficiary(), r.amount(), r.reference(), r.entryDay(), r.receivedAt(), null,
                    null));
        } else if (event instanceof SchemeOutboundSettled s) {
            payments.computeIfPresent(s.schemeTransactionId(), (k, p) -> p.settled(s.settledAt()));
        } else if (event instanceof SchemeOutboundReturned r) {
            payments.computeIfPresent(r.schemeTransactionId(), (k, p) -> p.returned(new Returned(r.reasonCode(),
                    r.detail(), r.returnedAt())));
        }
    }

    @Override
    public void reset() {
        payments.clear();
    }

    /** Newest first. */
    public List<Payment> all() {
        return payments.values().stream().sorted(Comparator.comparing(Payment::receivedAt).reversed()).toList();
    }

    /** Received, neither settled nor returned, with an entry day on or before {@code day}. */
    public List<Payment> dueOn(LocalDate day) {
        return payments.values().stream()
                .filter(p -> p.settledAt() == null && p.returned() == null && !p.entryDay().isAfter(day))
                .sorted(Comparator.comparing(Payment::receivedAt)).toList();
    }
}
