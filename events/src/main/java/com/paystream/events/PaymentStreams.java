package com.paystream.events;

/**
 * Stream names of the published language. A category never contains '-', because {@code $by_category} splits a
 * stream name at its first '-'.
 */
public final class PaymentStreams {
    public static final String PAYMENT_CATEGORY = "payment";

    private PaymentStreams() {
    }

    /** The public timeline of one payment. */
    public static String payment(String paymentId) {
        return PAYMENT_CATEGORY + "-" + paymentId;
    }

    /** The system projection stream of every event of one type, e.g. {@code $et-InboundPaymentValidated}. */
    public static String byEventType(Class<? extends PaymentEvent> type) {
        return "$et-" + EventTypes.nameOf(type);
    }

    /** The system projection stream of a category, e.g. {@code $ce-payment}. */
    public static String byCategory(String category) {
        if (category.contains("-")) {
            throw new IllegalArgumentException("A category must not contain '-': " + category);
        }
        return "$ce-" + category;
    }
}
