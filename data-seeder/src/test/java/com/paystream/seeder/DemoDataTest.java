package com.paystream.seeder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest {
    private final DemoData data = DemoData.bundled();

    @Test
    void theDemoDataHoldsAccountsInEveryState() {
        assertThat(data.accounts()).extracting(DemoData.AccountSeed::state)
                .contains(DemoData.State.OPEN, DemoData.State.BLOCKED, DemoData.State.CLOSED);
    }

    @Test
    void everyDemoAccountNumberIsUnique() {
        assertThat(data.accounts()).extracting(a -> a.sortCode() + a.accountNumber()).doesNotHaveDuplicates();
    }

    @Test
    void everyDemoSanctionedNameHasItsOwnListReference() {
        assertThat(data.sanctionedNames()).isNotEmpty()
                .extracting(DemoData.SanctionedNameSeed::listReference).doesNotHaveDuplicates();
    }
}
