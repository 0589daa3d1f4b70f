package com.paystream.accounts.outbound;

import com.paystream.accounts.account.Account;
import com.paystream.accounts.account.OutboundLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The load-limits rule: would one more outbound payment pass a daily or weekly count or amount? */
final class OutboundLimitCheck {
    private OutboundLimitCheck() {
    }

    /** What the payment would exceed, described; empty when it is within every limit. */
    static Optional<String> firstExceeded(Account account, OutboundLimits limits, long amountPence, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<Account.Outbound> sameDay = within(account, d -> d.equals(day));
        List<Account.Outbound> sameWeek = within(account, d -> sameIsoWeek(d, day));
        if (sameDay.size() + 1 > limits.dailyCount()) {
            return Optional.of("At most " + limits.dailyCount() + " outbound payments a day (UTC); "
                    + sameDay.size() + " already on " + day);
        }
        if (total(sameDay) + amountPence > limits.dailyAmountPence()) {
            return Optional.of("At most " + limits.dailyAmountPence() + " pence a day (UTC); " + total(sameDay)
                    + " already on " + day);
        }
        if (sameWeek.size() + 1 > limits.weeklyCount()) {
            return Optional.of("At most " + limits.weeklyCount() + " outbound payments an ISO week; "
                    + sameWeek.size() + " already this week");
        }
        if (total(sameWeek) + amountPence > limits.weeklyAmountPence()) {
            return Optional.of("At most " + limits.weeklyAmountPence() + " pence an ISO week; " + total(sameWeek)
                    + " already this week");
        }
        return Optional.empty();
    }

    private static List<Account.Outbound> within(Account account, Predicate<LocalDate> period) {
        return account.outboundPayments().values().stream()
                .filter(o -> period.test(LocalDate.ofInstant(o.reservedAt(), ZoneOffset.UTC))).toList();
    }

    private static boolean sameIsoWeek(LocalDate a, LocalDate b) {
        return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static long total(List<Account.Outbound> payments) {
        return payments.stream().mapToLong(Account.Outbound::amountPence).sum();
    }
}
