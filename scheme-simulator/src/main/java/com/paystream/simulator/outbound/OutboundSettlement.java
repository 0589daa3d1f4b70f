package com.paystream.simulator.outbound;

import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.simulator.config.SimulatorConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Settles the outbound payments that are due: each second, and on demand. The bank is told first; only once it took
 * the notice is the settlement recorded, so a bank that is down is told again on the next round.
 */
@ApplicationScoped
public class OutboundSettlement {
    private static final Logger LOG = Logger.getLogger(OutboundSettlement.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    ReceivedOutboundPayments received;
    @Inject
    BankNotifications bank;
    @Inject
    EventStore store;
    @Inject
    SimulatorConfig config;

    @Inject
    Clock clock;
    /** The mode in force: the configured one until an operator switches it (not kept across restarts). */
    private volatile SimulatorConfig.Outbound.Settlement mode;

    SimulatorConfig.Outbound.Settlement mode() {
        return mode != null ? mode : config.outbound().settlement();
    }

    void switchTo(SimulatorConfig.Outbound.Settlement newMode) {
        mode = newMode;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    void settleDueNow() {
        if (mode() == SimulatorConfig.Outbound.Settlement.IMMEDIATE) {
            settleDue(LocalDate.MAX);
        } else {
            settleDue(today());
        }
    }

    /** Settles what is due on {@code day}; how many were settled. */
    synchronized int settleDue(LocalDate day) {
        int settled = 0;
        for (ReceivedOutboundPayments.Payment payment : received.dueOn(day)) {
            Optional<String> refused = bank.settled(payment.paymentId());
            if (refused.isPresent()) {
                LOG.warnf("Could not settle %s yet: %s", payment.schemeTransactionId(), refused.get());
                continue;
            }
            store.append(SchemeOutbound.stream(payment.schemeTransactionId()), Expected.any(),
                    Causation.command("scheme-settle:" + payment.schemeTransactionId(), payment.paymentId()),
                    List.of(new SchemeOutboundSettled(payment.schemeTransactionId(), clock.instant())),
                    SchemeOutbound.CODEC);
            settled++;
        }
        return settled;
    }
}
