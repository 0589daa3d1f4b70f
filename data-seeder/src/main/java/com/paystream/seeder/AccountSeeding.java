package com.paystream.seeder;

import java.util.Map;

/**
 * Brings each demo account to its wanted state through accounts-service (the accounts' only writer): opens it when
 * the bank has no such number, then blocks, unblocks or closes it as needed. An account already in its state is left
 * alone; a closed account that should be open cannot be reopened and is reported.
 */
final class AccountSeeding {
    private final ServiceApi accounts;
    private final SeedReport report;

    AccountSeeding(ServiceApi accounts, SeedReport report) {
        this.accounts = accounts;
        this.report = report;
    }

    void seed(DemoData data) throws ServiceApi.Unexpected, InterruptedException {
        for (DemoData.AccountSeed seed : data.accounts()) {
            String byNumber = "/accounts/by-number/" + seed.sortCode() + "/" + seed.accountNumber();
            ServiceApi.Answer found = accounts.expect(accounts.get(byNumber), "GET", byNumber, 200, 404);
            String id;
            String status;
            if (found.status() == 404) {
                ServiceApi.Answer opened = accounts.expect(accounts.post("/accounts", Map.of(
                        "sortCode", seed.sortCode(), "accountNumber", seed.accountNumber(),
                        "customerId", seed.customerId(), "holderName", seed.holderName())), "POST", "/accounts", 201);
                id = opened.body().path("accountId").asText();
                status = "OPEN";
                report.changed("opened " + seed.label());
            } else {
                id = found.body().path("accountId").asText();
                status = found.body().path("status").asText();
            }
            bringTo(seed, id, status, found.status() != 404);
        }
    }

    private void bringTo(DemoData.AccountSeed seed, String id, String status, boolean existed)
            throws ServiceApi.Unexpected, InterruptedException {
        String wanted = seed.state().name();
        if (wanted.equals(status)) {
            if (existed) {
                report.unchanged(seed.label() + ", " + status);
            }
            return;
        }
        if ("CLOSED".equals(status)) {
            report.failed(seed.label() + " is closed and cannot become " + wanted);
            return;
        }
        switch (seed.state()) {
            case BLOCKED:
                post(id, "block", Map.of("reason", seed.blockReason()));
                report.changed("blocked " + seed.label() + ": " + seed.blockReason());
                break;
            case CLOSED:
                post(id, "close", Map.of());
                report.changed("closed " + seed.label());
                break;
            default:
                post(id, "unblock", Map.of());
                report.changed("unblocked " + seed.label());
                break;
        }
    }

    private void post(String id, String command, Object body) throws ServiceApi.Unexpected, InterruptedException {
        String path = "/accounts/" + id + "/" + command;
        accounts.expect(accounts.post(path, body), "POST", path, 200);
    }
}
