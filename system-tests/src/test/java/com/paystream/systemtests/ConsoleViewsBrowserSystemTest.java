package com.paystream.systemtests;

import com.paystream.topology.PaymentSchemeReactions;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's views in a real browser ({@link ConsoleBrowser}): the payments overview, the timeline's summaries,
 * the accounts list and an account, the sanctions list, a reject's confirmation, the subscriptions' states; each view
 * checked by axe-core with no serious or critical finding. Skipped where Chromium or chromedriver is not installed.
 */
class ConsoleViewsBrowserSystemTest extends InTheBrowser {
    private List<String> texts(String css) {
        return console.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The payments overview, filtered by the account's number (typed, then Enter). */
    private void filterPaymentsBy(Bank.Account account) {
        WebElement number = console.visible(By.id("filter-account-number"));
        number.clear();
        number.sendKeys(account.accountNumber(), Keys.ENTER);
    }

    /** A name no payment's party comes near, so that listing it holds no other test's payment. */
    private static String unlikeAnyParty() {
        return "XANTHIPPE KVORAK " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private String addSanctionedName(String name) {
        return Suite.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("name", name, "aliases", List.of(), "country", "GB", "listReference", "TEST-" + name))
                .post(suite.sanctions("/sanctioned-names")).then().statusCode(201).extract().path("entryId");
    }

    @Test
    void aClosedAccountShowsItsBalanceOfNothingAsZero() {
        Bank.Account account = bank.openAccount("BROWSER CLOSED");
        Suite.asAccountOfficer().contentType(ContentType.JSON).post(suite.accounts("/accounts/" + account.id()
                + "/close")).then().statusCode(200);

        console.open("#accounts/" + account.sortCode() + "/" + account.accountNumber());
        console.signIn("audrey");

        console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-status"), "closed"));
        console.screenshot("closed");
        assertThat(console.text(By.id("account-balance"))).isEqualTo("£0.00");
        assertThat(console.text(By.id("account-available"))).isEqualTo("£0.00");
    }

    @Test
    void anAccountThatDoesNotExistIsNamedByItsSortCodeAndNumber() {
        console.open("#accounts/608371/39999999");
        console.signIn("audrey");

        WebElement error = console.visible(By.cssSelector("#account-result .error"));
        console.screenshot("not-found");
        assertThat(error.getText()).isEqualTo("No account has sort code 608371 and account number 39999999.");
    }

    @Test
    void signingOutLeavesNothingTypedOnThePageNorOnThePageBeforeIt() {
        console.open("#accounts");
        console.signIn("audrey");
        console.visible(By.id("account-query")).sendKeys("JANE DOE");

        console.driver.findElement(By.id("sign-out")).click();
        console.visible(By.id("sign-in"));
        console.driver.navigate().back();

        console.visible(By.id("sign-in"));
        console.screenshot("back-after-sign-out");
        assertThat(console.driver.findElement(By.id("account-query")).getDomProperty("value")).isEmpty();
        assertThat(console.text(By.id("who"))).isBlank();
    }

    @Test
    void thePaymentsOverviewListsAnAccountsPaymentsNewestFirstWithTheirStatusInWords() {
        Bank.Account account = bank.openAccount("BROWSER OVERVIEW");
        Bank.Sent older = bank.pay(account, 1_000);
        bank.awaitStatus(older.paymentId(), "COMPLETED");
        Bank.Sent newer = bank.pay(account, 2_000);
        bank.awaitStatus(newer.paymentId(), "COMPLETED");
        console.open("#payments");
        console.signIn("audrey");

        filterPaymentsBy(account);

        console.wait.until(d -> texts("#payments-table tr.payment .amount").equals(List.of("£20.00", "£10.00")));
        console.screenshot("overview");
        assertThat(texts("#payments-table tr.payment .badge")).containsOnly("completed");
        assertThat(texts("#payment-counts .status-count")).containsExactly("completed 2");
    }

    @Test
    void thePaymentsOverviewShowsTwentyFiveAPageAndTheOlderOnesOnTheNext() {
        Bank.Account account = bank.openAccount("BROWSER PAGES");
        Bank.Sent first = bank.pay(account, 100);
        for (int i = 1; i <= 25; i++) {
            bank.pay(account, 100 + i);
        }
        console.open("#payments");
        console.signIn("audrey");
        filterPaymentsBy(account);
        console.wait.until(d -> texts("#payment-counts .count-all").equals(List.of("All 26")));

        console.driver.findElement(By.cssSelector("#payment-list .page-on")).click();

        console.wait.until(d -> texts("#payments-table tr.payment .amount").equals(List.of("£1.00")));
        console.screenshot("second-page");
        assertThat(console.driver.findElement(By.cssSelector("#payments-table tr.payment"))
                .getDomAttribute("data-payment-id")).isEqualTo(first.paymentId());
        assertThat(console.driver.findElement(By.cssSelector("#payment-list .page-on")).isEnabled()).isFalse();
    }

    @Test
    void choosingAStatusCountShowsOnlyThePaymentsAtThatStatus() {
        Bank.Account account = bank.openAccount("BROWSER BY STATUS");
        bank.awaitStatus(bank.pay(account, 1_000).paymentId(), "COMPLETED");
        Bank.Sent held = heldPaymentTo(account);
        console.open("#payments");
        console.signIn("audrey");
        filterPaymentsBy(account);
        console.wait.until(d -> texts("#payments-table tr.payment").size() == 2);

        console.find(By.cssSelector("#payment-counts .status-count[data-status='HELD']")).click();

        console.wait.until(d -> texts("#payments-table tr.payment").size() == 1);
        console.screenshot("held-only");
        assertThat(console.driver.findElement(By.cssSelector("#payments-table tr.payment"))
                .getDomAttribute("data-payment-id")).isEqualTo(held.paymentId());
    }

    @Test
    void aCustomersOutboundPaymentIsListedAmongTheOutboundOnes() {
        Bank.Account account = bank.openAccount("BROWSER OUTBOUND");
        bank.awaitStatus(bank.pay(account, 5_000).paymentId(), "COMPLETED");
        String outbound = bank.payOut(account, "NORTHWIND TRADING", "089999", 1_200);
        console.open("#payments");
        console.signIn("audrey");

        new Select(console.visible(By.id("filter-direction")))
                .selectByValue("OUTBOUND");
        filterPaymentsBy(account);

        console.wait.until(d -> texts("#payments-table tr.payment").size() == 1);
        console.screenshot("outbound");
        assertThat(console.driver.findElement(By.cssSelector("#payments-table tr.payment"))
                .getDomAttribute("data-payment-id")).isEqualTo(outbound);
        assertThat(texts("#payments-table tr.payment .direction")).containsExactly("outbound");
    }

    @Test
    void theTimelineSaysWhatEachEventDidWithTheCreditsAmountAndTheBalanceAfter() {
        Bank.Account account = bank.openAccount("BROWSER WHAT");
        Bank.Sent sent = bank.pay(account, 777);
        bank.awaitStatus(sent.paymentId(), "COMPLETED");
        console.open("#payments/" + sent.paymentId());
        console.signIn("audrey");

        console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("payment-status"), "completed"));
        console.screenshot("timeline");
        List<String> what = texts("#timeline .what");
        assertThat(what).hasSize(5).allSatisfy(line -> assertThat(line).isNotBlank());
        assertThat(what.get(4)).isEqualTo("Credited £7.77; balance after £7.77");
    }

    @Test
    void theAccountsListFindsAnAccountByItsHoldersNameAndOpensIt() {
        String holder = "BROWSER " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Bank.Account account = bank.openAccount(holder);
        bank.awaitStatus(bank.pay(account, 1_500).paymentId(), "COMPLETED");
        console.open("#accounts");
        console.signIn("audrey");

        console.visible(By.id("account-query")).sendKeys(holder.toLowerCase(), Keys.ENTER);
        console.wait.until(d -> texts("#accounts-table tr.account-row").size() == 1);
        console.screenshot("found");
        console.driver.findElement(By.linkText(holder)).click();

        console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-balance"), "£15.00"));
        console.screenshot("account");
    }

    @Test
    void anOfficerAddsANameToTheSanctionsListWithItsAliasesCountryAndReference() {
        String name = unlikeAnyParty();
        console.open("#sanctions");
        console.signIn("sam");

        console.visible(By.id("sanction-name")).sendKeys(name);
        console.driver.findElement(By.id("sanction-aliases")).sendKeys("X. KVORAK; KVORAK X.");
        console.driver.findElement(By.id("sanction-country")).sendKeys("gb");
        console.driver.findElement(By.id("sanction-reference")).sendKeys("UK-TEST-1", Keys.ENTER);

        WebElement row = console.wait.until(d -> d.findElements(By.cssSelector("tr.sanctioned-name")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElse(null));
        console.screenshot("added");
        assertThat(row.getText()).contains("X. KVORAK, KVORAK X.", "GB", "UK-TEST-1", "sam");
    }

    @Test
    void anOfficerTakesANameOffTheSanctionsListWithAReason() {
        String name = unlikeAnyParty();
        String entryId = addSanctionedName(name);
        console.open("#sanctions");
        console.signIn("sam");
        By row = By.cssSelector("tr.sanctioned-name[data-entry-id='" + entryId + "']");

        console.find(row).findElement(By.cssSelector("button.remove")).click();
        console.visible(By.id("remove-reason")).sendKeys("Delisted by the issuing authority");
        console.screenshot("reason");
        console.driver.findElement(By.id("remove-confirm")).click();

        console.wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
        console.screenshot("removed");
        Suite.asOfficer().get(suite.sanctions("/sanctioned-names/" + entryId)).then().statusCode(404);
    }

    @Test
    void anAuditorReadsTheSanctionsListButIsOfferedNoChange() {
        addSanctionedName(unlikeAnyParty());
        console.open("#sanctions");
        console.signIn("audrey");

        console.find(By.cssSelector("tr.sanctioned-name"));
        console.screenshot("read-only");
        assertThat(console.driver.findElement(By.id("sanction-add")).isDisplayed()).isFalse();
        assertThat(console.driver.findElements(By.cssSelector("button.remove"))).isEmpty();
    }

    @Test
    void aRejectAsksFirstSayingWhatWillHappenAndEscapeLeavesThePaymentHeld() {
        Bank.Sent sent = heldPaymentTo(bank.openAccount("BROWSER ASKED"));
        console.open("");
        console.signIn("sam");
        WebElement card = console.find(By.cssSelector(".held-payment[data-payment-id='" + sent.paymentId() + "']"));
        card.findElement(By.cssSelector("textarea.reason")).sendKeys("Originator is the listed person");

        card.findElement(By.cssSelector("button.reject")).click();

        WebElement dialog = console.visible(By.id("reject-dialog"));
        console.screenshot("asked");
        assertThat(dialog.getText()).contains("£43.21", "not credited", "not returned to the scheme",
                "cannot be undone");
        console.assertAccessible("the reject confirmation");
        new Actions(console.driver).sendKeys(Keys.ESCAPE).perform();
        console.wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(bank.status(sent.paymentId())).isEqualTo("HELD");
    }

    @Test
    void aParkedMessageRaisesAnAlertAboveTheSubscriptions() {
        bank.unreadableEventFor(PaymentSchemeReactions.VALIDATE_ON_RECEIVED);
        console.open("#subscriptions");
        console.signIn("olivia");

        WebElement alert = console.wait.until(d -> {
            d.findElement(By.id("subscriptions-refresh")).click();
            WebElement shown = d.findElement(By.id("parked-alert"));
            return shown.isDisplayed() && shown.getText().contains(PaymentSchemeReactions.VALIDATE_ON_RECEIVED.name())
                    ? shown : null;
        });
        console.screenshot("parked");
        assertThat(alert.getText()).contains("parked");
        assertThat(console.text(By.cssSelector("tr[data-group='" + PaymentSchemeReactions.VALIDATE_ON_RECEIVED.name()
                + "'] .group-state"))).matches("parked \\d+");
    }

    @Test
    void everyViewHasNoSeriousOrCriticalAccessibilityFinding() {
        Bank.Account account = bank.openAccount("BROWSER ACCESSIBLE");
        Bank.Sent sent = bank.pay(account, 1_234);
        bank.awaitStatus(sent.paymentId(), "COMPLETED");
        heldPaymentTo(account);
        console.open("");
        console.signIn("audrey");

        Map<String, By> views = new LinkedHashMap<>();
        views.put("", By.cssSelector(".held-payment"));
        views.put("#payments", By.id("payments-table"));
        views.put("#payments/" + sent.paymentId(), By.id("timeline"));
        views.put("#accounts", By.id("accounts-table"));
        views.put("#accounts/" + account.sortCode() + "/" + account.accountNumber(), By.cssSelector(
                "#statement .transaction"));
        views.put("#sanctions", By.id("sanctions-table"));
        views.put("#subscriptions", By.cssSelector("table.groups"));
        for (Map.Entry<String, By> view : views.entrySet()) {
            console.open(view.getKey());
            if (view.getKey().equals("#subscriptions")) {
                console.visible(By.id("subscriptions-refresh"));
            }
            console.visible(view.getValue());
            console.screenshot(view.getKey().isEmpty() ? "held" : view.getKey().substring(1).split("/")[0]);
            console.assertAccessible(view.getKey().isEmpty() ? "the held payments" : view.getKey());
        }
    }
}
