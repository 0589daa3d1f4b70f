package com.paystream.systemtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of the operator console in a real browser against the running suite: each test gets a browser of its own
 * ({@link ConsoleBrowser}), closed after it. Skipped where Chromium or chromedriver is not installed ({@code .ci/run}
 * installs both).
 */
@ExtendWith(Suite.class)
abstract class InTheBrowser {
    final Suite suite = Suite.get();
    final Bank bank = new Bank(suite);
    ConsoleBrowser console;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(ConsoleBrowser.installed(),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void openBrowser(TestInfo test) {
        console = new ConsoleBrowser(suite, test.getTestMethod().map(m -> m.getName()).orElse("test"));
    }

    /** A payment of £43.21 to the account from a listed name: held by screening. */
    Bank.Sent heldPaymentTo(Bank.Account account) {
        Bank.Sent sent = bank.send("sanctionedOriginator", Map.of("beneficiary", account.asBeneficiary(),
                "amount", Map.of("minorUnits", 4_321, "currency", "GBP")));
        bank.awaitStatus(sent.paymentId(), "HELD");
        return sent;
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }
}
