package com.paystream.simulator.generate;

import com.paystream.events.InboundPaymentDetails;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a Bacs Standard 18 file as a bureau would submit it (layouts: docs/bacs-files.md), record by record, so a
 * file of any size is never held: a VOL1, then one group (HDR1, HDR2, UHL1 … EOF1, EOF2, UTL1) per originator of
 * credits (code 99, to the bank's accounts, as the payment generator makes them, closed, blocked and unknown accounts
 * among them), each balanced by its 17 contra; and with two originators or more, a group of Direct Debits (01 first
 * collection, 17, 18 re-presented, 19 final) balanced by its 99 contra. The same plan (its seed) makes the same file.
 */
public final class Standard18FileMaker {
    private static final int MAX_DEBITS = 1_000;
    private static final String RECEIVING_PARTY = "999999    ";
    private final PaymentGenerator payments;

    public Standard18FileMaker(PaymentGenerator payments) {
        this.payments = payments;
    }

    /** What to make: a file's identity, its credits spread over {@code originators} groups, and its seed. */
    public record Plan(String serialNumber, LocalDate processingDay, LocalDate creationDay, int credits,
                       int originators, long seed) {
        public Plan {
            if (serialNumber == null || !serialNumber.matches("[A-Z0-9]{6}")) {
                throw new IllegalArgumentException("a serial number is six letters or digits, got " + serialNumber);
            }
            if (credits < 1 || originators < 1 || originators > credits) {
                throw new IllegalArgumentException("a file has at least one credit and from one originator to one "
                        + "per credit");
            }
        }
    }

    /** What the file holds (contras counted apart, as the bank's report counts them). */
    public record Contents(int groups, long credits, long creditTotalPence, long debits, long contras) {
    }

    /**
     * The processing day of a file made on {@code today}, as the scheme delivers it to the bank: the one whose entry
     * day (the day after it) is the latest on or before today, so the file's credits are applied at once, as
     * {@link PaymentGenerator}'s payments are.
     */
    public static LocalDate processingDay(com.paystream.events.BacsCalendar calendar, LocalDate today) {
        return calendar.processingDateForLatestEntry(today);
    }

    /** Writes the file planned to {@code out}, one record a line ending in LF. */
    public Contents write(Plan plan, Writer out) throws IOException {
        Random random = new Random(plan.seed());
        PaymentGenerator generator = payments.withRandom(random);
        String serviceUser = PaymentGenerator.digits(random, 6);
        out.write(label("VOL1" + plan.serialNumber() + " ".repeat(31) + serviceUser + " ".repeat(32) + "1"));
        long credits = 0;
        long creditTotal = 0;
        long debits = 0;
        long contras = 0;
        int group = 0;
        for (int originator = 0; originator < plan.originators(); originator++) {
            int items = plan.credits() / plan.originators() + (originator < plan.credits() % plan.originators() ? 1 : 0);
            Account account = new Account(generator.names().company(random), PaymentGenerator.digits(random, 6), PaymentGenerator.digits(random, 8));
            header(out, plan, serviceUser, ++group);
            long total = 0;
            for (int i = 0; i < items; i++) {
                InboundPaymentDetails payment = generator.generate(kind(random, generator), "FILE", plan.creationDay());
                long pence = payment.amount().minorUnits();
                out.write(record(payment.beneficiary().sortCode(), payment.beneficiary().accountNumber(), "99",
                        account, pence, payment.reference(), payment.beneficiary().name()));
                total += pence;
            }
            out.write(record(account.sortCode, account.number, "17", account, total, "CONTRA", account.name));
            trailer(out, plan, serviceUser, group, total, 1, total, items);
            credits += items;
            creditTotal += total;
            contras++;
        }
        if (plan.originators() > 1) {
            Account account = new Account(generator.names().company(random), PaymentGenerator.digits(random, 6), PaymentGenerator.digits(random, 8));
            int items = Math.max(1, Math.min(MAX_DEBITS, plan.credits() / 20));
            header(out, plan, serviceUser, ++group);
            long total = 0;
            for (int i = 0; i < items; i++) {
                long pence = 500 + random.nextInt(19_500);
                out.write(record(PaymentGenerator.digits(random, 6), PaymentGenerator.digits(random, 8), debitCode(random), account, pence,
                        "ACC " + PaymentGenerator.digits(random, 8), generator.names().person(random)));
                total += pence;
            }
            out.write(record(account.sortCode, account.number, "99", account, total, "CONTRA", account.name));
            trailer(out, plan, serviceUser, group, total, items, total, 1);
            debits += items;
            contras++;
        }
        return new Contents(group, credits, creditTotal, debits, contras);
    }

    private record Account(String name, String sortCode, String number) {
    }

    /** Mostly payments the bank credits; some to accounts it holds closed or blocked, or does not hold. */
    private static PaymentKind kind(Random random, PaymentGenerator generator) {
        int draw = random.nextInt(100);
        PaymentKind kind = draw < 4 ? PaymentKind.CLOSED_ACCOUNT : draw < 6 ? PaymentKind.BLOCKED_ACCOUNT
                : draw < 10 ? PaymentKind.UNKNOWN_ACCOUNT : PaymentKind.VALID;
        return generator.canMake(kind) ? kind : PaymentKind.VALID;
    }

    /** Mostly regular collections (17), some first (01), re-presented (18) and final (19). */
    private static String debitCode(Random random) {
        int draw = random.nextInt(100);
        return draw < 10 ? "01" : draw < 13 ? "18" : draw < 16 ? "19" : "17";
    }

    private static void header(Writer out, Plan plan, String serviceUser, int group) throws IOException {
        for (String label : groupLabels(plan, serviceUser, group)) {
            out.write(label(label));
        }
        out.write(label("UHL1" + julian(plan.processingDay()) + RECEIVING_PARTY + "00000000" + "1 DAILY  " + "001"));
    }

    private static void trailer(Writer out, Plan plan, String serviceUser, int group, long debitTotal,
                                long debitCount, long creditTotal, long creditCount) throws IOException {
        for (String label : groupLabels(plan, serviceUser, group)) {
            out.write(label("EOF" + label.substring(3)));
        }
        out.write(label(String.format(Locale.ROOT, "UTL1%013d%013d%07d%07d", debitTotal, creditTotal, debitCount,
                creditCount)));
    }

    /** HDR1 and HDR2 (EOF1 and EOF2 repeat them). */
    private static List<String> groupLabels(Plan plan, String serviceUser, int group) {
        String created = julian(plan.creationDay());
        List<String> labels = new ArrayList<>(2);
        labels.add(String.format(Locale.ROOT, "HDR1A%sS  %07d%s00010001%6s%s%s 000000", serviceUser, group,
                plan.serialNumber(), "", created, created));
        labels.add("HDR2F0200000100" + " ".repeat(35) + "00");
        return labels;
    }

    private static String record(String sortCode, String account, String code, Account originator, long pence,
                                 String reference, String name) {
        return String.format(Locale.ROOT, "%s%s0%s%s%s    %011d%-18s%-18s%-18s\n", sortCode, account, code,
                originator.sortCode, originator.number, pence, fit(originator.name), fit(reference), fit(name));
    }

    /** A label padded to 80 characters, with its line end. */
    private static String label(String text) {
        return String.format(Locale.ROOT, "%-80s", text) + "\n";
    }

    /** A Standard 18 date: a space, the year's last two digits, the day of the year. */
    static String julian(LocalDate day) {
        return String.format(Locale.ROOT, " %02d%03d", day.getYear() % 100, day.getDayOfYear());
    }

    private static String fit(String text) {
        String upper = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 .&/-]", " ");
        return upper.length() > 18 ? upper.substring(0, 18) : upper;
    }
}
