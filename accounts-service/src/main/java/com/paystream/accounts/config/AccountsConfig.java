package com.paystream.accounts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bank's default outbound limits, for accounts without their own ({@code PUT /accounts/{id}/outbound-limits}).
 *
 * <pre>
 * accounts.outbound-limits.daily-count=10
 * accounts.outbound-limits.daily-amount-pence=1000000
 * </pre>
 */
@ConfigMapping(prefix = "accounts")
public interface AccountsConfig {
    OutboundLimitDefaults outboundLimits();

    History history();

    interface History {
        /**
         * A historical query that replays an account's events writes a snapshot every this many events, so the next
         * query over a long history starts from the nearest one instead of the first event.
         */
        @WithDefault("1000")
        int snapshotEvery();
    }

    interface OutboundLimitDefaults {
        /** Outbound payments per UTC day. */
        @WithDefault("10")
        int dailyCount();

        /** £10,000 per UTC day. */
        @WithDefault("1000000")
        long dailyAmountPence();

        /** Outbound payments per ISO week (UTC). */
        @WithDefault("30")
        int weeklyCount();

        /** £25,000 per ISO week (UTC). */
        @WithDefault("2500000")
        long weeklyAmountPence();
    }
}
