package com.paystream.accounts.account;

/** A command an account refuses, with a stable rule name (it becomes the problem type of the 409). */
public final class AccountRuleBroken extends RuntimeException {
    private final String rule;

    public AccountRuleBroken(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
