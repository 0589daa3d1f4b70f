package com.paystream.systemtests;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser (Debian's headless Chromium, driven through chromedriver) against the running
 * suite, for one test: its people sign in on the identity provider's own login page (the suite's Keycloak), never on
 * the console's. Screenshots of each step go to {@code target/system-tests/screenshots}, named after the test.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The findings of axe-core that fail a test: those that stop or seriously hinder someone using the page. */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final Suite suite;
    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path screenshots;
    private final String testName;
    private int shot;

    ConsoleBrowser(Suite suite, String testName) {
        this.suite = suite;
        this.testName = testName;
        try {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            // this machine's network is closed: no background calls home, no sandbox (root in CI)
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    "--user-data-dir=" + Files.createTempDirectory(suite.work, "chromium-profile"));
            // a chromedriver of its own (quitting the browser stops it); never one Selenium would download
            driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build(), options);
            screenshots = suite.work.resolve("screenshots");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pages come and go under the waits (the identity provider's, then the console's again)
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void screenshot(String step) {
        try {
            File taken = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(taken.toPath(), screenshots.resolve(String.format("%s-%02d-%s.png", testName, ++shot, step)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot of " + testName + " " + step + ": " + e);
        }
    }

    void open(String fragment) {
        driver.get(suite.console("/" + fragment));
    }

    /** The page's "Sign in", then {@code person}'s login and password on Keycloak's own page, and back. */
    void signIn(String person) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        signInOnKeycloaksPage(person);
    }

    void signInOnKeycloaksPage(String person) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        assertThat(driver.getCurrentUrl()).startsWith(suite.keycloak().url());
        screenshot("keycloak-login");
        driver.findElement(By.id("username")).sendKeys(person);
        driver.findElement(By.id("password")).sendKeys(suite.keycloak().password(person));
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> isSignedIn());
    }

    boolean isSignedIn() {
        return driver.getCurrentUrl().startsWith(suite.console("/"))
                && driver.findElements(By.id("who")).stream().anyMatch(who -> !who.getText().isBlank());
    }

    /** "Sign in" once the session has ended: Keycloak's page if its own session has ended too, else straight back. */
    void signInAgain(String person) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty() || isSignedIn());
        if (!driver.findElements(By.id("kc-login")).isEmpty()) {
            signInOnKeycloaksPage(person);
        }
        wait.until(d -> isSignedIn());
    }

    /** The console's session cookie (split in chunks when the tokens are long) deleted, as if it had expired. */
    void endTheConsolesSession() {
        List<Cookie> session = driver.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session")).toList();
        assertThat(session).as("the console's session cookie").isNotEmpty();
        session.forEach(cookie -> driver.manage().deleteCookieNamed(cookie.getName()));
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        // through the wait, which ignores an element the page re-rendered between finding and reading it
        return wait.until(d -> d.findElement(by).getText());
    }

    /**
     * axe-core's check of the page as it is now (its script injected by Selenium from the jar, nothing fetched): no
     * serious or critical finding, each one named with where it is when there is.
     */
    void assertAccessible(String view) {
        List<Rule> blocking = new AxeBuilder().analyze(driver).getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        assertThat(blocking).as("serious or critical accessibility findings on " + view + ": "
                + blocking.stream().map(rule -> rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "))).collect(Collectors.joining("; "))).isEmpty();
    }

    @Override
    public void close() {
        screenshot("end");
        driver.quit();
    }
}
