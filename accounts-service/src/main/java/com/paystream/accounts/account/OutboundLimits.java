package com.paystream.accounts.account;

/**
 * How much an account may pay out: number and amount of outbound payments per UTC day and per ISO week (UTC). Every
 * accepted outbound payment counts, once (a repeated request is the same payment), whatever becomes of it.
 */
public record OutboundLimits(int dailyCount, long dailyAmountPence, int weeklyCount, long weeklyAmountPence) {
    public OutboundLimits {
        if (dailyCount < 0 || dailyAmountPence < 0 || weeklyCount < 0 || weeklyAmountPence < 0) {
            throw new IllegalArgumentException("limits are zero or more");
        }
        if (dailyCount > weeklyCount || dailyAmountPence > weeklyAmountPence) {
            throw new IllegalArgumentException("a daily limit cannot be above its weekly limit");
        }
    }
}
