/**
 * Crediting inbound payments: a payment cleared by sanctions screening (or released by an operator) is credited to
 * its beneficiary account exactly once, or refused with why, and the outcome published on its timeline.
 */
package com.paystream.accounts.inbound;
