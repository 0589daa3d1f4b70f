package com.paystream.systemtests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser ({@link ConsoleBrowser}) against the running suite: signing in and out,
 * held payments and decisions, timelines, accounts, subscriptions. Skipped where Chromium or chromedriver is not
 * installed ({@code .ci/run} installs both).
 */
class ConsoleBrowserSystemTest extends InTheBrowser {
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void useTheBrowser() {
        browser = console.driver;
        wait = console.wait;
    }

    private void screenshot(String step) {
        console.screenshot(step);
    }

    private void open(String fragment) {
        console.open(fragment);
    }

    private void signIn(String person) {
        console.signIn(person);
    }

    private String notice() {
        return browser.findElement(By.id("notice")).getText();
    }

    private WebElement heldCard(String paymentId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".held-payment[data-payment-id='" + paymentId + "']")));
    }

    /** As a sanctions officer on the held-payments page: the payment's card, a reason, then release or reject. */
    private void decideOnThePage(Bank.Sent sent, String reason, String decision) {
        open("");
        signIn("sam");
        WebElement card = heldCard(sent.paymentId());
        assertThat(card.findElement(By.cssSelector(".match .listed-name")).getText()).isNotBlank();
        card.findElement(By.cssSelector("textarea.reason")).sendKeys(reason);
        screenshot("reason-given");
        card.findElement(By.cssSelector("button." + decision)).click();
        if (decision.equals("reject")) { // asked first: it cannot be undone
            wait.until(ExpectedConditions.elementToBeClickable(By.id("reject-confirm"))).click();
        }
        wait.until(ExpectedConditions.stalenessOf(card));
        screenshot(decision.equals("release") ? "released" : "rejected");
    }

    @Test
    void anOfficerReleasesAHeldPaymentThroughThePageAndTheAccountIsCredited() {
        Bank.Account account = bank.openAccount("BROWSER RELEASE");
        Bank.Sent sent = heldPaymentTo(account);

        decideOnThePage(sent, "Beneficiary confirmed by phone; not the listed person", "release");

        bank.awaitStatus(sent.paymentId(), "COMPLETED");
        assertThat(bank.balance(account)).isEqualTo(4_321);
    }

    @Test
    void anOfficerRejectsAHeldPaymentThroughThePageAndItFailsWithNothingCredited() {
        Bank.Account account = bank.openAccount("BROWSER REJECT");
        Bank.Sent sent = heldPaymentTo(account);

        decideOnThePage(sent, "Originator is the listed person", "reject");

        bank.awaitStatus(sent.paymentId(), "FAILED");
        assertThat(bank.balance(account)).isZero();
    }

    @Test
    void aPaymentSearchBySortCodeAndAccountNumberOpensThatAccountsStatement() {
        Bank.Account account = bank.openAccount("BROWSER SEARCH");
        bank.awaitStatus(bank.pay(account, 900).paymentId(), "COMPLETED");
        open("#payments");
        signIn("audrey");

        browser.findElement(By.id("payment-query")).sendKeys(account.sortCode() + " " + account.accountNumber());
        browser.findElement(By.id("payment-search")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-balance"), "£9.00"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#statement .transaction"), 1));
        screenshot("found");
    }

    @Test
    void aReleaseWithoutAReasonIsRefusedOnThePageAndThePaymentStaysHeld() {
        Bank.Sent sent = heldPaymentTo(bank.openAccount("BROWSER NO REASON"));
        open("");
        signIn("sam");

        WebElement card = heldCard(sent.paymentId());
        card.findElement(By.cssSelector("button.release")).click();

        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".error")),
                "A reason is required"));
        screenshot("refused");
        assertThat(bank.status(sent.paymentId())).isEqualTo("HELD");
    }

    @Test
    void aPaymentHeldWhileThePageIsOpenAppearsWithoutReloadingAndIsMarkedNew() {
        open("");
        signIn("audrey");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#held-list > *")));

        Bank.Sent sent = heldPaymentTo(bank.openAccount("BROWSER LIVE"));

        WebElement card = heldCard(sent.paymentId());
        screenshot("appeared");
        assertThat(card.getAttribute("class")).contains("new");
    }

    @Test
    void aPaymentsTimelineIsFoundByItsSchemeTransactionId() {
        Bank.Sent sent = bank.pay(bank.openAccount("BROWSER TIMELINE"), 777);
        bank.awaitStatus(sent.paymentId(), "COMPLETED");
        open("#payments");
        signIn("audrey");

        browser.findElement(By.id("payment-query")).sendKeys(sent.schemeTransactionId());
        browser.findElement(By.id("payment-search")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("payment-status"), "completed"));
        screenshot("timeline");
        assertThat(browser.findElements(By.cssSelector("#timeline .event-type")).stream().map(WebElement::getText))
                .containsExactly("InboundPaymentReceived", "InboundPaymentValidated",
                        "InboundPaymentSanctionsCleared", "InboundPaymentAccountChecked",
                        "InboundPaymentBalanceUpdated");
    }

    @Test
    void anAccountsPageShowsItsBalanceAndEachCreditOnTheStatement() {
        Bank.Account account = bank.openAccount("BROWSER ACCOUNT");
        bank.awaitStatus(bank.pay(account, 1_250).paymentId(), "COMPLETED");
        bank.awaitStatus(bank.pay(account, 250).paymentId(), "COMPLETED");

        open("#accounts/" + account.sortCode() + "/" + account.accountNumber());
        // back from signing in, the page is where it was
        signIn("audrey");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-balance"), "£15.00"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#statement .transaction"), 2));
        screenshot("account");
    }

    @Test
    void anOpsOperatorSeesEachServicesConsumerGroups() {
        open("#subscriptions");
        signIn("olivia");
        browser.findElement(By.id("subscriptions-refresh")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "table.groups[data-service='accounts'] tr[data-group='accounts.credit-on-sanctions-cleared']")));
        screenshot("subscriptions");
        assertThat(browser.findElements(By.cssSelector("table.groups"))).hasSize(4);
        // each group's state in words: caught up, behind by N, parked N (or missing)
        // read through the wait: the view refreshes itself, and a state read while it re-renders is read again
        List<String> states = wait.until(page -> page.findElements(By.cssSelector("tr.group .group-state")).stream()
                .map(WebElement::getText).toList());
        assertThat(states).isNotEmpty().allSatisfy(state -> assertThat(state)
                .matches("caught up|behind by \\d+|parked \\d+|missing"));
    }

    @Test
    void anOperatorSignsInOnTheIdentityProvidersPageAndThePageShowsWhoTheyAre() {
        open("");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(browser.findElements(By.cssSelector("input[type=password]"))).as("no password field here").isEmpty();
        assertThat(browser.findElement(By.id("who")).getText()).isBlank();
        screenshot("signed-out");

        signIn("sam");

        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Sam Sato");
        assertThat(browser.findElement(By.id("who-roles")).getText()).contains("sanctions-officer");
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        screenshot("signed-in");
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheIdentityProviderAndThePageShowsNobody() {
        open("");
        signIn("olivia");

        browser.findElement(By.id("sign-out")).click();

        wait.until(d -> d.getCurrentUrl().startsWith(suite.console("/")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        screenshot("signed-out");
        assertThat(browser.findElement(By.id("who")).getText()).isBlank();
        assertThat(browser.findElement(By.id("signed-in")).isDisplayed()).isFalse();
        assertThat(browser.manage().getCookies()).extracting(Cookie::getName)
                .noneMatch(name -> name.startsWith("q_session"));
        // the identity provider's own session ended too: signing in asks for the password again
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        screenshot("asked-again");
    }

    @Test
    void aReasonBeingTypedSurvivesTheSessionEndingAndSigningInAgain() {
        Bank.Account account = bank.openAccount("BROWSER EXPIRY");
        Bank.Sent sent = heldPaymentTo(account);
        String reason = "Beneficiary's passport checked at the branch; not the listed person";
        open("");
        signIn("sam");
        WebElement card = heldCard(sent.paymentId());
        card.findElement(By.cssSelector("textarea.reason")).sendKeys(reason);

        console.endTheConsolesSession();
        card.findElement(By.cssSelector("button.release")).click();

        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".error")),
                "Sign in again"));
        wait.until(d -> notice().contains("session has ended"));
        screenshot("session-ended");
        assertThat(bank.status(sent.paymentId())).isEqualTo("HELD");

        console.signInAgain("sam");

        WebElement restored = heldCard(sent.paymentId());
        wait.until(d -> reason.equals(restored.findElement(By.cssSelector("textarea.reason")).getDomProperty("value")));
        screenshot("reason-kept");
        restored.findElement(By.cssSelector("button.release")).click();
        wait.until(ExpectedConditions.stalenessOf(restored));
        bank.awaitStatus(sent.paymentId(), "COMPLETED");
        assertThat(bank.balance(account)).isEqualTo(4_321);
    }
}
