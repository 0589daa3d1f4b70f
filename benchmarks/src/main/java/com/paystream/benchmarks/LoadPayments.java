package com.paystream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The load's payments: a realistic mix of inbound payments into the benchmark's own accounts, each with the outcome
 * the bank must reach for it.
 */
final class LoadPayments {
    /** A kind of payment, its share of the mix (in parts per 100) and how it must end. */
    enum Kind {
        VALID(88, "COMPLETED"),
        INVALID_DETAILS(3, "RETURNED"),
        SANCTIONED_ORIGINATOR(2, "COMPLETED"),
        CLOSED_ACCOUNT(2, "RETURNED"),
        BLOCKED_ACCOUNT(2, "FAILED"),
        UNKNOWN_ACCOUNT(3, "RETURNED");

        final int share;
        final String expected;

        Kind(int share, String expected) {
            this.share = share;
            this.expected = expected;
        }
    }

    /** One of the benchmark's accounts. */
    record Account(String id, String sortCode, String accountNumber, String holderName) {
    }

    /** A payment to send: its body, and what it is expected to do. */
    record Payment(Kind kind, String schemeTransactionId, Account beneficiary, long amountPence, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ORIGINATORS = {"ACME WIDGETS LTD", "NORTHWIND TRADING", "GLOBEX PLC",
        "INITECH LTD", "UMBRELLA SERVICES", "HOOLI UK", "STARK INDUSTRIES", "WAYNE HOLDINGS"};
    /** The modulus specification's worked example of an account that fails the check. */
    private static final String[] FAILS_MODULUS = {"089999", "66374959"};

    private final Random random;
    private final List<Account> open;
    private final Account closed;
    private final Account blocked;
    private final String sanctionedName;
    private final LocalDate processingDate;
    private final String runId;

    LoadPayments(long seed, List<Account> open, Account closed, Account blocked, String sanctionedName,
                 LocalDate processingDate, String runId) {
        this.random = new Random(seed);
        this.open = List.copyOf(open);
        this.closed = closed;
        this.blocked = blocked;
        this.sanctionedName = sanctionedName;
        this.processingDate = processingDate;
        this.runId = runId;
    }

    Payment next(int sequence) {
        Kind kind = kind();
        String transactionId = "LOAD-" + runId + "-" + sequence;
        String originator = ORIGINATORS[random.nextInt(ORIGINATORS.length)];
        Account beneficiary = open.get(random.nextInt(open.size()));
        String sortCode = beneficiary.sortCode();
        String accountNumber = beneficiary.accountNumber();
        switch (kind) {
            case INVALID_DETAILS -> {
                sortCode = FAILS_MODULUS[0];
                accountNumber = FAILS_MODULUS[1];
                beneficiary = null;
            }
            case SANCTIONED_ORIGINATOR -> originator = sanctionedName;
            case CLOSED_ACCOUNT -> {
                beneficiary = closed;
                sortCode = closed.sortCode();
                accountNumber = closed.accountNumber();
            }
            case BLOCKED_ACCOUNT -> {
                beneficiary = blocked;
                sortCode = blocked.sortCode();
                accountNumber = blocked.accountNumber();
            }
            case UNKNOWN_ACCOUNT -> {
                sortCode = ValidAccountNumbers.SORT_CODE;
                accountNumber = ValidAccountNumbers.at608371('9', random);
                beneficiary = null;
            }
            default -> {
            }
        }
        long amount = Math.max(1, Math.round(Math.pow(10, random.nextDouble() * Math.log10(500_000))));
        ObjectNode body = JSON.createObjectNode();
        body.put("schemeTransactionId", transactionId);
        body.putObject("originator").put("name", originator).put("sortCode", digits(6))
                .put("accountNumber", digits(8));
        body.putObject("beneficiary").put("name", beneficiary == null ? "J DOE" : beneficiary.holderName())
                .put("sortCode", sortCode).put("accountNumber", accountNumber);
        body.putObject("amount").put("minorUnits", amount).put("currency", "GBP");
        body.put("reference", "LOAD " + sequence);
        body.put("processingDate", processingDate.toString());
        return new Payment(kind, transactionId, beneficiary, amount, body.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private Kind kind() {
        int roll = random.nextInt(100);
        for (Kind kind : Kind.values()) {
            if (roll < kind.share) {
                return kind;
            }
            roll -= kind.share;
        }
        return Kind.VALID;
    }

    private String digits(int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
