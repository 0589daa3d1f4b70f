package com.paystream.simulator.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The proportions of a batch, as relative weights per kind. A batch of {@code count} gets each kind's share rounded
 * by the largest remainder (so the counts always add up and a 1-in-10 mix of 10 payments holds exactly one), in a
 * shuffled order.
 */
public record BatchMix(Map<PaymentKind, Integer> weights) {
    /** Mostly valid, some of everything else. */
    public static final BatchMix DEFAULT = new BatchMix(Map.of(PaymentKind.VALID, 80,
            PaymentKind.INVALID_DETAILS, 5, PaymentKind.SANCTIONED_ORIGINATOR, 5, PaymentKind.CLOSED_ACCOUNT, 4,
            PaymentKind.BLOCKED_ACCOUNT, 2, PaymentKind.UNKNOWN_ACCOUNT, 4));

    public BatchMix {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        if (weights.values().stream().anyMatch(weight -> weight == null || weight < 0)) {
            throw new IllegalArgumentException("weights must be zero or more");
        }
        if (weights.values().stream().mapToLong(Integer::longValue).sum() == 0) {
            throw new IllegalArgumentException("at least one weight must be more than zero");
        }
    }

    /** How many of each kind a batch of {@code count} holds. */
    public Map<PaymentKind, Integer> counts(int count) {
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        Map<PaymentKind, Integer> counts = new EnumMap<>(PaymentKind.class);
        List<Map.Entry<PaymentKind, Long>> remainders = new ArrayList<>();
        int allocated = 0;
        for (Map.Entry<PaymentKind, Integer> weight : weights.entrySet()) {
            long exact = (long) count * weight.getValue();
            int share = (int) (exact / total);
            counts.put(weight.getKey(), share);
            allocated += share;
            remainders.add(Map.entry(weight.getKey(), exact % total));
        }
        remainders.sort(Map.Entry.<PaymentKind, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; allocated < count; i++, allocated++) {
            counts.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /** The kinds of a batch of {@code count}, one per payment, shuffled. */
    public List<PaymentKind> allocate(int count, Random random) {
        List<PaymentKind> kinds = new ArrayList<>(count);
        counts(count).forEach((kind, n) -> kinds.addAll(Collections.nCopies(n, kind)));
        Collections.shuffle(kinds, random);
        return kinds;
    }
}
