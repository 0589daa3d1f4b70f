package com.paystream.systemtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator console in a real browser (Debian's headless Chromium, driven through chromedriver) against the running
 * suite. Operators sign in on the identity provider's own login page (the suite's Keycloak), never on the console's.
 * Screenshots of each step go to {@code target/system-tests/screenshots}. Skipped where Chromium or chromedriver is
 * not installed ({@code .ci/run} installs both).
 */
@ExtendWith(Suite.class)
class ConsoleBrowserSystemTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);
    private WebDriver browser;
    private WebDriverWait wait;
    private Path screenshots;
    private String testName;
    private int shot;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // this machine's network is closed: no background calls home, no sandbox (root in CI)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory(suite.work, "chromium-profile"));
        // a chromedriver of its own (quitting the browser stops it); never one Selenium would download
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        // pages come and go under the waits (the identity provider's, then the console's again)
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        screenshots = suite.work.resolve("screenshots");
        Files.createDirectories(screenshots);
        testName = test.getTestMethod().map(m -> m.getName()).orElse("test");
        shot = 0;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            screenshot("end");
            browser.quit();
        }
    }

    private void screenshot(String step) {
        try {
            File taken = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(taken.toPath(), screenshots.resolve(String.format("%s-%02d-%s.png", testName, ++shot, step)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot of " + testName + " " + step + ": " + e);
        }
    }

    private void open(String fragment) {
        browser.get(suite.console("/" + fragment));
    }

    /** The page's "Sign in", then {@code person}'s login and password on Keycloak's own page, and back. */
    private void signIn(String person) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        signInOnKeycloaksPage(person);
    }

    private void signInOnKeycloaksPage(String person) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        assertThat(browser.getCurrentUrl()).startsWith(suite.keycloak().url());
        screenshot("keycloak-login");
        browser.findElement(By.id("username")).sendKeys(person);
        browser.findElement(By.id("password")).sendKeys(suite.keycloak().password(person));
        browser.findElement(By.id("kc-login")).click();
        awaitSignedIn();
    }

    /** Back on the console's page, with someone signed in (the header shows their name). */
    private void awaitSignedIn() {
        wait.until(d -> isSignedIn());
    }

    private boolean isSignedIn() {
        return browser.getCurrentUrl().startsWith(suite.console("/"))
                && browser.findElements(By.id("who")).stream().anyMatch(who -> !who.getText().isBlank());
    }

    /** "Sign in" once the session has ended: Keycloak's page if its own session has ended too, else straight back. */
    private void signInAgain(String person) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty() || isSignedIn());
        if (!browser.findElements(By.id("kc-login")).isEmpty()) {
            signInOnKeycloaksPage(person);
        }
        wait.until(d -> isSignedIn());
    }

    /** The console's session cookie (split in chunks when the tokens are long) deleted, as if it had expired. */
    private void endTheConsolesSession() {
        List<Cookie> session = browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session")).toList();
        assertThat(session).as("the console's session cookie").isNotEmpty();
        session.forEach(cookie -> browser.manage().deleteCookieNamed(cookie.getName()));
    }

    private String notice() {
        return browser.findElement(By.id("notice")).getText();
    }

    private WebElement heldCard(String paymentId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".held-payment[data-payment-id='" + paymentId + "']")));
    }

    private Bank.Sent heldPaymentTo(Bank.Account account) {
        Bank.Sent sent = bank.send("sanctionedOriginator", Map.of("beneficiary", account.asBeneficiary(),
                "amount", Map.of("minorUnits", 4_321, "currency", "GBP")));
        bank.awaitStatus(sent.paymentId(), "HELD");
        return sent;
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

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("payment-status"), "COMPLETED"));
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

        endTheConsolesSession();
        card.findElement(By.cssSelector("button.release")).click();

        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".error")),
                "Sign in again"));
        wait.until(d -> notice().contains("session has ended"));
        screenshot("session-ended");
        assertThat(bank.status(sent.paymentId())).isEqualTo("HELD");

        signInAgain("sam");

        WebElement restored = heldCard(sent.paymentId());
        wait.until(d -> reason.equals(restored.findElement(By.cssSelector("textarea.reason")).getDomProperty("value")));
        screenshot("reason-kept");
        restored.findElement(By.cssSelector("button.release")).click();
        wait.until(ExpectedConditions.stalenessOf(restored));
        bank.awaitStatus(sent.paymentId(), "COMPLETED");
        assertThat(bank.balance(account)).isEqualTo(4_321);
    }
}
