package com.paystream.simulator.generate;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.events.Party;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes realistic inbound payments of each {@link PaymentKind}: names from the bundled list, amounts mostly between a
 * few pounds and a few thousand, references like a payer writes them, processed so that they are credited at once:
 * their entry day is the latest one on or before today (the Bacs cycle's day 3, {@link BacsCalendar}).
 */
public final class PaymentGenerator {
    /** Above the scheme's item limit (£20m). */
    static final long OVER_ITEM_LIMIT_PENCE = 2_500_000_000L;
    /** The modulus specification's worked example of an account that fails (089999 / 66374959). */
    static final Party FAILS_MODULUS = new Party("J DOE", "089999", "66374959");
    static final long MEDIAN_PENCE = 6_000;
    static final long SMALLEST_PENCE = 50;
    static final long LARGEST_PENCE = 2_500_000;
    private static final double SPREAD = 1.4;
    private static final String[] REFERENCES = {"INV ", "RENT ", "SALARY ", "REFUND ", "ORDER ", "LOAN ", "GIFT "};

    private final Random random;
    private final Names names;
    private final List<BankAccount> open;
    private final List<BankAccount> closed;
    private final List<BankAccount> blocked;
    private final Set<String> known = new HashSet<>();
    private final List<String> sanctionedNames;
    private final Mod11AccountNumbers unknownAccounts;
    private final BacsCalendar calendar;

    public PaymentGenerator(Random random, Names names, List<BankAccount> open, List<BankAccount> closed,
                            List<BankAccount> blocked, List<String> sanctionedNames, Mod11AccountNumbers unknownAccounts,
                            BacsCalendar calendar) {
        if (open.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one open account to pay into");
        }
        this.random = random;
        this.names = names;
        this.open = List.copyOf(open);
        this.closed = List.copyOf(closed);
        this.blocked = List.copyOf(blocked);
        this.sanctionedNames = List.copyOf(sanctionedNames);
        this.unknownAccounts = unknownAccounts;
        this.calendar = calendar;
        for (List<BankAccount> accounts : List.of(open, closed, blocked)) {
            accounts.forEach(account -> known.add(account.sortCode() + account.accountNumber()));
        }
    }

    /** The same generator drawing from {@code random}: what it makes from a seed, it makes again from that seed. */
    public PaymentGenerator withRandom(Random random) {
        return new PaymentGenerator(random, names, open, closed, blocked, sanctionedNames, unknownAccounts, calendar);
    }

    Names names() {
        return names;
    }

    Random random() {
        return random;
    }

    BacsCalendar calendar() {
        return calendar;
    }

    /** Whether this generator can make payments of the kind (a kind may need accounts or names configured). */
    public boolean canMake(PaymentKind kind) {
        switch (kind) {
            case CLOSED_ACCOUNT:
                return !closed.isEmpty();
            case BLOCKED_ACCOUNT:
                return !blocked.isEmpty();
            case SANCTIONED_ORIGINATOR:
                return !sanctionedNames.isEmpty();
            default:
                return true;
        }
    }

    /** A payment of {@code kind} on the scheme's {@code today}. */
    public InboundPaymentDetails generate(PaymentKind kind, String schemeTransactionId, LocalDate today) {
        if (!canMake(kind)) {
            throw new IllegalArgumentException("No accounts or names are configured for " + kind.key()
                    + " payments");
        }
        Party originator = new Party(names.originator(random), digits(6), digits(8));
        Party beneficiary = pick(open).asParty();
        Money amount = Money.pence(amountPence());
        String reference = reference();
        LocalDate processingDate = calendar.processingDateForLatestEntry(today);
        switch (kind) {
            case FUTURE:
                return new InboundPaymentDetails(schemeTransactionId, originator, beneficiary, amount, reference,
                        calendar.nextProcessingDay(today));
            case INVALID_DETAILS:
                return invalid(new InboundPaymentDetails(schemeTransactionId, originator, beneficiary, amount,
                        reference, processingDate));
            case SANCTIONED_ORIGINATOR:
                originator = new Party(pick(sanctionedNames), originator.sortCode(), originator.accountNumber());
                break;
            case CLOSED_ACCOUNT:
                beneficiary = pick(closed).asParty();
                break;
            case BLOCKED_ACCOUNT:
                beneficiary = pick(blocked).asParty();
                break;
            case UNKNOWN_ACCOUNT:
                beneficiary = new Party(names.person(random), unknownAccounts.sortCode(), unknownAccountNumber());
                break;
            default:
                break;
        }
        return new InboundPaymentDetails(schemeTransactionId, originator, beneficiary, amount, reference,
                processingDate);
    }

    /** Well formed (the gateway accepts it), but one scheme rule is broken, so it is returned with code 0. */
    private InboundPaymentDetails invalid(InboundPaymentDetails valid) {
        switch (random.nextInt(5)) {
            case 0:
                return withBeneficiary(valid, FAILS_MODULUS);
            case 1:
                return withAmount(valid, Money.pence(OVER_ITEM_LIMIT_PENCE));
            case 2:
                return withAmount(valid, new Money(valid.amount().minorUnits(), "EUR"));
            case 3:
                return new InboundPaymentDetails(valid.schemeTransactionId(), valid.originator(),
                        valid.beneficiary(), valid.amount(), "INV #" + digits(3) + " £", valid.processingDate());
            default:
                LocalDate saturday = valid.processingDate().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
                return new InboundPaymentDetails(valid.schemeTransactionId(), valid.originator(),
                        valid.beneficiary(), valid.amount(), valid.reference(), saturday);
        }
    }

    private static InboundPaymentDetails withBeneficiary(InboundPaymentDetails details, Party beneficiary) {
        return new InboundPaymentDetails(details.schemeTransactionId(), details.originator(), beneficiary,
                details.amount(), details.reference(), details.processingDate());
    }

    private static InboundPaymentDetails withAmount(InboundPaymentDetails details, Money amount) {
        return new InboundPaymentDetails(details.schemeTransactionId(), details.originator(),
                details.beneficiary(), amount, details.reference(), details.processingDate());
    }

    /**
     * Log-normal around a median of {@value #MEDIAN_PENCE} pence: nine payments in ten between about £6 and £600, one
     * in fifty above £1,000, none above {@value #LARGEST_PENCE} pence; a third are whole pounds, as rent, salaries and
     * invoices often are.
     */
    private long amountPence() {
        double drawn = MEDIAN_PENCE * Math.exp(SPREAD * random.nextGaussian());
        long pence = Math.min(LARGEST_PENCE, Math.max(SMALLEST_PENCE, Math.round(drawn)));
        return random.nextInt(3) == 0 && pence >= 100 ? pence / 100 * 100 : pence;
    }

    private String reference() {
        return REFERENCES[random.nextInt(REFERENCES.length)].concat(digits(4 + random.nextInt(5)));
    }

    /** Passes the modulus check, so the payment reaches the bank, which has no such account. */
    private String unknownAccountNumber() {
        String number;
        do {
            number = unknownAccounts.draw('9', random);
        } while (known.contains(unknownAccounts.sortCode() + number));
        return number;
    }

    private String digits(int length) {
        return digits(random, length);
    }

    /** {@code length} random digits. */
    static String digits(Random random, int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
