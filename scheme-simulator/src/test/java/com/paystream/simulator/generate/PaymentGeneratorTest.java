package com.paystream.simulator.generate;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentDetails;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentGeneratorTest {
    private static final BankAccount OPEN = BankAccount.parse("608371:10000009:JANE DOE");
    private static final BankAccount CLOSED = BankAccount.parse("608371:30000005:EDITH BROWN");
    private static final BankAccount BLOCKED = BankAccount.parse("608371:20000007:SAMUEL GREEN");
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    private static final BacsCalendar CALENDAR = BacsCalendar.englandAndWales();

    private final PaymentGenerator generator = new PaymentGenerator(new Random(42), Names.bundled(), List.of(OPEN),
            List.of(CLOSED), List.of(BLOCKED), List.of("QUINTUS ZARVENHAIM"), Mod11AccountNumbersTest.AT_608371, CALENDAR);

    private List<InboundPaymentDetails> many(PaymentKind kind) {
        return IntStream.range(0, 300).mapToObj(i -> generator.generate(kind, "TX-" + i, CHRISTMAS)).toList();
    }

    @Test
    void aValidPaymentPaysAnOpenAccountOnTheLatestEntryDay() {
        // Christmas Day 2026: the latest entry day is Thursday 24 December, processed on Wednesday 23
        assertThat(many(PaymentKind.VALID)).allSatisfy(payment -> {
            assertThat(payment.beneficiary().accountNumber()).isEqualTo(OPEN.accountNumber());
            assertThat(payment.processingDate()).isEqualTo(LocalDate.of(2026, 12, 23));
        });
    }

    @Test
    void aFuturePaymentIsProcessedOnTheNextProcessingDaySoItsEntryDayIsToCome() {
        // from Christmas Day 2026: processed on Tuesday 29 December, entered on Wednesday 30
        assertThat(many(PaymentKind.FUTURE)).allSatisfy(payment -> {
            assertThat(payment.beneficiary().accountNumber()).isEqualTo(OPEN.accountNumber());
            assertThat(payment.processingDate()).isEqualTo(LocalDate.of(2026, 12, 29));
        });
    }

    @Test
    void aValidPaymentKeepsToTheBacsCharacterSetLengthsAndAmounts() {
        assertThat(many(PaymentKind.VALID)).allSatisfy(payment -> {
            assertThat(payment.originator().name()).matches("[A-Z0-9 .&/-]{1,18}");
            assertThat(payment.reference()).matches("[A-Z0-9 .&/-]{1,18}");
            assertThat(payment.originator().sortCode()).matches("\\d{6}");
            assertThat(payment.originator().accountNumber()).matches("\\d{8}");
            assertThat(payment.amount().minorUnits()).isBetween(PaymentGenerator.SMALLEST_PENCE, PaymentGenerator.LARGEST_PENCE);
            assertThat(payment.amount().currency()).isEqualTo("GBP");
        });
    }

    @Test
    void anInvalidPaymentBreaksOneSchemeRule() {
        Predicate<InboundPaymentDetails> breaksARule = payment ->
                payment.beneficiary().equals(PaymentGenerator.FAILS_MODULUS)
                        || payment.amount().minorUnits() > 2_000_000_000L
                        || !payment.amount().currency().equals("GBP")
                        || !payment.reference().matches("[A-Z0-9 .&/-]{1,18}")
                        || !CALENDAR.isProcessingDay(payment.processingDate());

        assertThat(many(PaymentKind.INVALID_DETAILS)).allMatch(breaksARule);
    }

    @Test
    void aSanctionedPaymentComesFromAConfiguredSanctionedName() {
        assertThat(many(PaymentKind.SANCTIONED_ORIGINATOR))
                .allSatisfy(payment -> assertThat(payment.originator().name()).isEqualTo("QUINTUS ZARVENHAIM"));
    }

    @Test
    void aPaymentToAClosedAccountPaysTheClosedAccount() {
        assertThat(many(PaymentKind.CLOSED_ACCOUNT))
                .allSatisfy(payment -> assertThat(payment.beneficiary().accountNumber()).isEqualTo("30000005"));
    }

    @Test
    void aPaymentToAnUnknownAccountNeverPaysAnAccountTheBankHolds() {
        assertThat(many(PaymentKind.UNKNOWN_ACCOUNT)).allSatisfy(payment -> {
            assertThat(payment.beneficiary().sortCode()).isEqualTo("608371");
            assertThat(payment.beneficiary().accountNumber()).matches("9\\d{7}")
                    .isNotIn(OPEN.accountNumber(), CLOSED.accountNumber(), BLOCKED.accountNumber());
        });
    }

    @Test
    void aPaymentToAnUnknownAccountPassesTheModulusCheckOf608371() {
        int[] weights = {2, 8, 4, 3, 7, 5, 6, 1};

        assertThat(many(PaymentKind.UNKNOWN_ACCOUNT)).allSatisfy(payment -> {
            String number = payment.beneficiary().accountNumber();
            int total = IntStream.range(0, 8).map(i -> (number.charAt(i) - '0') * weights[i]).sum();
            assertThat(total % 11).as(number).isZero();
        });
    }

    @Test
    void withoutBlockedAccountsConfiguredBlockedPaymentsCannotBeMade() {
        PaymentGenerator noBlocked = new PaymentGenerator(new Random(1), Names.bundled(), List.of(OPEN), List.of(),
                List.of(), List.of(), Mod11AccountNumbersTest.AT_608371, CALENDAR);

        assertThat(noBlocked.canMake(PaymentKind.BLOCKED_ACCOUNT)).isFalse();
    }

    @Test
    void anAccountIsReadFromSortCodeAccountNumberAndHolderName() {
        assertThat(BankAccount.parse(" 012345:00001234:O'NEIL & CO ")).isEqualTo(
                new BankAccount("012345", "00001234", "O'NEIL & CO"));
    }

    @Test
    void mostAmountsLieBetweenAFewPoundsAndAFewThousand() {
        List<Long> pence = IntStream.range(0, 5_000)
                .mapToObj(i -> generator.generate(PaymentKind.VALID, "TX-" + i, CHRISTMAS).amount().minorUnits())
                .sorted().toList();

        assertThat(pence.stream().filter(amount -> amount >= 200 && amount <= 500_000).count())
                .isGreaterThan(pence.size() * 9L / 10);
        assertThat(pence.get(pence.size() / 2)).isBetween(2_000L, 20_000L);
        assertThat(pence.stream().filter(amount -> amount > 100_000).count()).isPositive();
    }
}
