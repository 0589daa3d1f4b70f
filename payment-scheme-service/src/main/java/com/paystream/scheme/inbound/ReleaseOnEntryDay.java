package com.paystream.scheme.inbound;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.PaymentStreams;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.RevisionConflictException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Releases the payments that waited for their entry day: every {@code scheme.entry-day.check-interval}, each
 * scheduled payment whose entry day is the scheme's today or before is validated ({@code InboundPaymentValidated},
 * the same details), right after its {@code InboundPaymentScheduled} event. Sanctions screening and the credit then
 * go on as for any validated payment.
 *
 * <p>Released once: the write expects the timeline at the scheduled event's revision, with ids derived from it, so a
 * repeat of the same release writes nothing and a release racing another instance's (or anything else written
 * since) meets a revision conflict and writes nothing. A store that cannot be reached is logged; the next check tries
 * again.
 */
@ApplicationScoped
public class ReleaseOnEntryDay {
    private static final Logger LOG = Logger.getLogger(ReleaseOnEntryDay.class);

    @Inject
    ScheduledPayments scheduled;
    @Inject
    EventStore store;
    @Inject
    Clock clock;

    @Scheduled(identity = "release-on-entry-day", every = "${scheme.entry-day.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        LocalDate today = BacsCalendar.today(clock);
        List<ScheduledPayments.Waiting> due = scheduled.dueOn(today);
        try {
            long released = due.stream().filter(this::release).count();
            if (released > 0) {
                LOG.infof("Released %d payment(s) on their entry day (%s)", released, today);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Releasing payments on their entry day (%s) failed, tried again at the next check: %s", today,
                    e.toString());
        }
    }

    /** Validates a waiting payment; false when its timeline moved on since it was scheduled (nothing written). */
    boolean release(ScheduledPayments.Waiting payment) {
        try {
            store.append(PaymentStreams.payment(payment.paymentId()), Expected.at(payment.revision()),
                    payment.scheduledEvent(), List.of(new InboundPaymentValidated(payment.paymentId(),
                            payment.details(), clock.instant())));
            return true;
        } catch (RevisionConflictException released) {
            LOG.debugf("Payment %s was released or moved on elsewhere: nothing written", payment.paymentId());
            return false;
        }
    }
}
