/**
 * Outbound payments: a customer's payment reserved on the account within its funds and limits and published for the
 * rest of the flow; then debited, released or refunded once, as the flow ends it; the account's outbound limits.
 */
package com.paystream.accounts.outbound;
