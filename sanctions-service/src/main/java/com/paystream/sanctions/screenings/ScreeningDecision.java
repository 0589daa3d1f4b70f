package com.paystream.sanctions.screenings;

import com.paystream.events.SanctionsMatch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The decision a screening records first, inbound or outbound: the matches with their scores, held or cleared. */
public sealed interface ScreeningDecision extends ScreeningEvent permits PaymentScreened, OutboundPaymentScreened {
    /** The payment's details: {@code InboundPaymentDetails} or {@code OutboundPaymentDetails}. */
    Object details();

    List<SanctionsMatch> matches();

    boolean held();

    double threshold();

    long listRevision();

    Instant screenedAt();

    /** This screening as the payment's direction it belongs to (see {@link ScreeningEvent#fold}). */
    <R> R byDirection(Function<PaymentScreened, R> inbound, Function<OutboundPaymentScreened, R> outbound);

    /** What every screening says: whose payment, its details, its matches (returned unmodifiable) and when. */
    static List<SanctionsMatch> requireComplete(String paymentId, Object details, List<SanctionsMatch> matches,
                                                Instant screenedAt) {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(details, "details");
        List<SanctionsMatch> copied = List.copyOf(Objects.requireNonNull(matches, "matches"));
        Objects.requireNonNull(screenedAt, "screenedAt");
        return copied;
    }

    @Override
    default <R> R fold(Function<ScreeningDecision, R> screened, Function<HeldPaymentDecision, R> decided,
                       Function<HeldPaymentRescreened, R> rescreened) {
        return screened.apply(this);
    }

    /** {@code INBOUND} (a payment to one of our accounts) or {@code OUTBOUND} (a customer paying out). */
    static String direction(ScreeningDecision screened) {
        return screened.byDirection(inbound -> "INBOUND", outbound -> "OUTBOUND");
    }
}
