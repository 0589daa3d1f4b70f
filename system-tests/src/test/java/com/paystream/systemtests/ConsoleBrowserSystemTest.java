package com.paystream.systemtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator console in a real browser (Debian's headless Chromium, driven through chromedriver) against the running
 * suite. Screenshots of each step go to {@code target/system-tests/screenshots}. Skipped where Chromium or
 * chromedriver is not installed ({@code .ci/run} installs both).
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
        wait = new WebDriverWait(browser, WAIT);
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

    private void signIn(String[] credentials) {
        browser.findElement(By.id("login")).sendKeys(credentials[0]);
        browser.findElement(By.id("password")).sendKeys(credentials[1]);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
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
        signIn(Suite.officer());
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
        signIn(Suite.officer());

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

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-balance"), "£15.00"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#statement .transaction"), 2));
        screenshot("account");
    }

    @Test
    void anOpsOperatorSeesEachServicesConsumerGroups() {
        open("#subscriptions");
        signIn(Suite.opsOperator());
        browser.findElement(By.id("subscriptions-refresh")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "table.groups[data-service='accounts'] tr[data-group='accounts.credit-on-sanctions-cleared']")));
        screenshot("subscriptions");
        assertThat(browser.findElements(By.cssSelector("table.groups"))).hasSize(4);
    }
}
