package com.paystream.scheme.activity;

import com.paystream.events.EventRegistry;
import com.paystream.events.EventTypes;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentReceived;
import com.paystream.events.Money;
import com.paystream.events.OutboundPaymentHeld;
import com.paystream.events.OutboundPaymentRequested;
import com.paystream.events.Party;
import com.paystream.events.PaymentEvent;
import com.paystream.events.PaymentStreams;
import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.readmodel.ReadModelSource;
import com.paystream.infrastructure.subscription.EventContext;
import com.paystream.scheme.config.SchemeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who pays, how often, and how often their payments are held: payments per originator (sort code + account) per UTC
 * day, inbound and outbound, and the sanctions near-matches that held them, with the signals an analyst looks for (a
 * busy day, repeated near-matches). Built from the whole history ({@code $ce-payment}, from the start):
 * deployed later, it reads every payment there ever was. Each payment counts once, however often its events are delivered.
 */
@ApplicationScoped
public class OriginatorActivity implements ReadModel<PaymentEvent> {
    public static final String NAME = "originatoractivity";

    private final int dailyAlert;
    private final int heldAlert;
    private final Map<String, Originator> originators = new HashMap<>();

    @Inject
    public OriginatorActivity(SchemeConfig config) {
        this(config.activity().dailyPaymentsAlert(), config.activity().heldPaymentsAlert());
    }

    OriginatorActivity(int dailyAlert, int heldAlert) {
        this.dailyAlert = dailyAlert;
        this.heldAlert = heldAlert;
    }

    /** One day of an originator's payments. */
    public record Day(LocalDate date, int payments, long amountPence) {
    }

    /** An originator's activity and what stands out in it. */
    public record Activity(String sortCode, String accountNumber, List<String> names, int payments, long amountPence,
                           List<Day> days, int heldPayments, List<String> nearMatchedNames, List<String> signals,
                           boolean flagged) {
    }

    private static final class Originator {
        final String sortCode;
        final String accountNumber;
        final Set<String> names = new TreeSet<>();
        final Set<String> counted = new HashSet<>();
        final Set<String> held = new HashSet<>();
        final Set<String> nearMatches = new TreeSet<>();
        final Map<LocalDate, long[]> days = new TreeMap<>();

        Originator(String sortCode, String accountNumber) {
            this.sortCode = sortCode;
            this.accountNumber = accountNumber;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Every payment event, of which it counts four types. Not {@code $all} filtered by type, as before: reading
     * {@code $all} passes over every stream's access control list, so only {@code $admins} may.
     */
    @Override
    public ReadModelSource source() {
        return ReadModelSource.stream(PaymentStreams.byCategory(PaymentStreams.PAYMENT_CATEGORY));
    }

    @Override
    public EventRegistry<PaymentEvent> events() {
        return EventTypes.REGISTRY;
    }

    @Override
    public synchronized void apply(PaymentEvent event, EventContext context) {
        if (event instanceof InboundPaymentReceived received) {
            paid(received.paymentId(), received.details().originator(), received.details().amount(),
                    received.receivedAt().atZone(ZoneOffset.UTC).toLocalDate());
        } else if (event instanceof OutboundPaymentRequested requested) {
            paid(requested.paymentId(), requested.details().originator(), requested.details().amount(),
                    requested.requestedAt().atZone(ZoneOffset.UTC).toLocalDate());
        } else if (event instanceof InboundPaymentHeld held) {
            held(held.paymentId(), held.details().originator(), held.matches());
        } else if (event instanceof OutboundPaymentHeld held) {
            held(held.paymentId(), held.details().originator(), held.matches());
        }
    }

    private void paid(String paymentId, Party originator, Money amount, LocalDate day) {
        Originator activity = originator(originator);
        activity.names.add(originator.name());
        if (activity.counted.add(paymentId)) {
            long[] totals = activity.days.computeIfAbsent(day, d -> new long[2]);
            totals[0]++;
            totals[1] += amount.minorUnits();
        }
    }

    private void held(String paymentId, Party originator, List<SanctionsMatch> matches) {
        Originator activity = originator(originator);
        if (activity.held.add(paymentId)) {
            matches.forEach(match -> activity.nearMatches.add(match.listedName()));
        }
    }

    private Originator originator(Party party) {
        return originators.computeIfAbsent(key(party.sortCode(), party.accountNumber()),
                k -> new Originator(party.sortCode(), party.accountNumber()));
    }

    private static String key(String sortCode, String accountNumber) {
        return sortCode + ":" + accountNumber;
    }

    @Override
    public synchronized void reset() {
        originators.clear();
    }

    /** One originator's activity. */
    public synchronized Optional<Activity> of(String sortCode, String accountNumber) {
        return Optional.ofNullable(originators.get(key(sortCode, accountNumber))).map(this::view);
    }

    /** Every originator (only the flagged ones when asked), the most active first. */
    public synchronized List<Activity> all(boolean flaggedOnly) {
        List<Activity> all = new ArrayList<>();
        for (Originator originator : originators.values()) {
            Activity activity = view(originator);
            if (!flaggedOnly || activity.flagged()) {
                all.add(activity);
            }
        }
        all.sort(Comparator.comparingInt(Activity::payments).reversed()
                .thenComparing(Activity::sortCode).thenComparing(Activity::accountNumber));
        return all;
    }

    private Activity view(Originator originator) {
        List<Day> days = new ArrayList<>();
        List<String> signals = new ArrayList<>();
        int payments = 0;
        long amount = 0;
        for (Map.Entry<LocalDate, long[]> day : originator.days.entrySet()) {
            int count = (int) day.getValue()[0];
            days.add(new Day(day.getKey(), count, day.getValue()[1]));
            payments += count;
            amount += day.getValue()[1];
            if (count >= dailyAlert) {
                signals.add(count + " payments on " + day.getKey() + " (alert at " + dailyAlert + ")");
            }
        }
        if (originator.held.size() >= heldAlert) {
            signals.add(originator.held.size() + " payments held on sanctions near-matches (alert at " + heldAlert
                    + ")");
        }
        return new Activity(originator.sortCode, originator.accountNumber, List.copyOf(originator.names), payments,
                amount, days, originator.held.size(), List.copyOf(originator.nearMatches), signals,
                !signals.isEmpty());
    }
}
