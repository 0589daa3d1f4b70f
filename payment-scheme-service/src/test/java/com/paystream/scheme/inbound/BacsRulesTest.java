package com.paystream.scheme.inbound;

import com.paystream.events.BacsCalendar;
import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.scheme.modulus.ModulusCheck;
import com.paystream.scheme.modulus.SubstitutionTable;
import com.paystream.scheme.modulus.WeightTable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BacsRulesTest {
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    private final BacsRules rules = new BacsRules(
            new ModulusCheck(WeightTable.bundled(), SubstitutionTable.bundled()), 2_000_000_000L,
            new BacsCalendar(Set.of(CHRISTMAS), "test list"));
    /** The entry day of a payment processed on TUESDAY: it is credited today. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private java.util.Optional<String> broken(InboundPaymentDetails details) {
        return rules.firstBroken(details, TODAY);
    }

    private java.util.Optional<String> brokenOn(LocalDate processingDate, LocalDate today) {
        return rules.firstBroken(payment("88837491", Money.pence(100), "REF", processingDate, "ACME"), today);
    }

    private static InboundPaymentDetails payment(String beneficiaryAccount, Money amount, String reference,
                                                 LocalDate date, String originatorName) {
        return new InboundPaymentDetails("TX-1", new Party(originatorName, "089999", "66374958"),
                new Party("JANE DOE", "107999", beneficiaryAccount), amount, reference, date);
    }

    private static InboundPaymentDetails valid() {
        return payment("88837491", Money.pence(125_050), "INV 2026/0042", TUESDAY, "ACME WIDGETS LTD");
    }

    @Test
    void givenAWellFormedPaymentToAValidAccount_whenValidated_thenNoRuleIsBroken() {
        assertThat(broken(valid())).isEmpty();
    }

    @Test
    void givenAnAccountFailingTheModulusCheck_whenValidated_thenTheModulusRuleIsBroken() {
        assertThat(broken(payment("88837492", Money.pence(100), "REF", TUESDAY, "ACME")))
                .hasValueSatisfying(broken -> assertThat(broken).contains("modulus"));
    }

    @Test
    void givenAZeroAmount_whenValidated_thenTheAmountRuleIsBroken() {
        assertThat(broken(payment("88837491", Money.pence(0), "REF", TUESDAY, "ACME")))
                .hasValueSatisfying(broken -> assertThat(broken).contains("more than zero"));
    }

    @Test
    void givenAnAmountOverTheItemLimit_whenValidated_thenTheLimitRuleIsBroken() {
        assertThat(broken(payment("88837491", Money.pence(2_000_000_001L), "REF", TUESDAY, "ACME")))
                .hasValueSatisfying(broken -> assertThat(broken).contains("item limit"));
    }

    @Test
    void givenEuros_whenValidated_thenTheCurrencyRuleIsBroken() {
        assertThat(broken(payment("88837491", new Money(100, "EUR"), "REF", TUESDAY, "ACME")))
                .hasValueSatisfying(broken -> assertThat(broken).contains("not GBP"));
    }

    @Test
    void givenAReferenceWithCharactersOutsideTheBacsSet_whenValidated_thenTheCharacterRuleIsBroken() {
        assertThat(broken(payment("88837491", Money.pence(100), "INV #42 €", TUESDAY, "ACME")))
                .hasValueSatisfying(broken -> assertThat(broken).contains("character set"));
    }

    @Test
    void givenLowerCaseNames_whenValidated_thenTheyAreAcceptedAsBacsUpperCasesThem() {
        assertThat(broken(payment("88837491", Money.pence(100), "inv 42", TUESDAY, "acme widgets")))
                .isEmpty();
    }

    @Test
    void givenANameLongerThanEighteenCharacters_whenValidated_thenTheLengthRuleIsBroken() {
        assertThat(broken(payment("88837491", Money.pence(100), "REF", TUESDAY,
                "ACME WIDGETS INTERNATIONAL")))
                .hasValueSatisfying(broken -> assertThat(broken).contains("longer than 18"));
    }

    @Test
    void givenASaturday_whenValidated_thenTheWorkingDayRuleIsBroken() {
        assertThat(broken(payment("88837491", Money.pence(100), "REF", LocalDate.of(2026, 11, 28),
                "ACME"))).hasValueSatisfying(broken -> assertThat(broken).contains("not a working day"));
    }

    @Test
    void givenABankHoliday_whenValidated_thenTheWorkingDayRuleIsBroken() {
        assertThat(broken(payment("88837491", Money.pence(100), "REF", CHRISTMAS, "ACME")))
                .hasValueSatisfying(broken -> assertThat(broken).contains("not a working day"));
    }

    @Test
    void onAMondayAPaymentProcessedOnTheFridayBeforeIsEnteredToday() {
        assertThat(brokenOn(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7))).isEmpty();
    }

    @Test
    void onAMondayAPaymentProcessedOnTheThursdayBeforeHasPassed() {
        assertThat(brokenOn(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 7))).hasValue(
                "Processing date 2026-12-03 has passed: its entry day 2026-12-04 is over");
    }

    @Test
    void onASundayAPaymentProcessedOnThursdayIsEnteredOnTheLatestEntryDayFriday() {
        assertThat(brokenOn(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 6))).isEmpty();
    }

    @Test
    void aPaymentProcessedTodayIsValidForItsEntryDayTomorrow() {
        assertThat(brokenOn(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7))).isEmpty();
    }

    @Test
    void aProcessingDateFortyDaysAheadIsTakenAndOneFurtherIsNot() {
        LocalDate today = LocalDate.of(2026, 12, 7);

        assertThat(brokenOn(LocalDate.of(2027, 1, 15), today)).isEmpty();
        assertThat(brokenOn(LocalDate.of(2027, 1, 18), today)).hasValueSatisfying(broken ->
                assertThat(broken).contains("more than 40 days ahead"));
    }
}
