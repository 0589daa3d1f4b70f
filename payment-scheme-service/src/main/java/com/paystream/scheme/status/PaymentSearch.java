package com.paystream.scheme.status;

import com.paystream.infrastructure.paging.Pages;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.ValidationProblem;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of the payments overview, as given: each is read as text and checked here, so a bad one is a
 * 400 naming it (and every other bad one) rather than the framework's bare 404.
 */
public class PaymentSearch {
    /** The most payments one page holds. */
    static final int MAX_LIMIT = 500;
    private static final Set<String> DIRECTIONS = Set.of(PaymentStatuses.INBOUND, PaymentStatuses.OUTBOUND);
    private static final Pattern SORT_CODE = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{8}");

    @QueryParam("status")
    @Parameter(description = "Only payments at this status now, e.g. HELD")
    String status;
    @QueryParam("direction")
    @Parameter(description = "INBOUND (the scheme paying one of our accounts) or OUTBOUND (a customer paying out)")
    String direction;
    @QueryParam("schemeTransactionId")
    @Parameter(description = "The scheme's transaction id, e.g. SIM-… or PSOUT-…")
    String schemeTransactionId;
    @QueryParam("correlationId")
    @Parameter(description = "The correlation id the payment arrived with")
    String correlationId;
    @QueryParam("from")
    @Parameter(description = "Payments that started at or after this instant, e.g. 2026-11-24T00:00:00Z")
    String from;
    @QueryParam("to")
    @Parameter(description = "Payments that started before this instant")
    String to;
    @QueryParam("minAmount")
    @Parameter(description = "The smallest amount, in pence")
    String minAmount;
    @QueryParam("maxAmount")
    @Parameter(description = "The largest amount, in pence")
    String maxAmount;
    @QueryParam("sortCode")
    @Parameter(description = "A party's sort code (6 digits): the originator's or the beneficiary's")
    String sortCode;
    @QueryParam("accountNumber")
    @Parameter(description = "A party's account number (8 digits); with sortCode, the same party's")
    String accountNumber;
    @QueryParam("limit")
    @Parameter(description = "The most payments to answer, 1 to 500 (without it: every match)")
    String limit;
    @QueryParam("before")
    @Parameter(description = "The paymentId of the last payment of the page before: the page starts after it")
    String before;

    /** The filters, checked: a 400 naming every parameter that is not right. */
    PaymentQuery query() {
        List<FieldError> errors = new ArrayList<>();
        PaymentQuery query = query(errors);
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        return query;
    }

    /** The most payments to answer ({@code null}: all); {@link #query()} has checked it. */
    Integer limit() {
        return Pages.limit(new ArrayList<>(), limit, MAX_LIMIT);
    }

    /** The payment after which the page starts (the last one of the page before), or null. */
    String before() {
        return blankToNull(before);
    }

    private PaymentQuery query(List<FieldError> errors) {
        String checkedStatus = blankToNull(status);
        if (checkedStatus != null && !PaymentStatus.NAMES.contains(checkedStatus)) {
            errors.add(new FieldError("status", "must be one of " + PaymentStatus.NAMES));
        }
        String checkedDirection = blankToNull(direction);
        if (checkedDirection != null && !DIRECTIONS.contains(checkedDirection)) {
            errors.add(new FieldError("direction", "must be INBOUND or OUTBOUND"));
        }
        Instant start = instant(errors, "from", from);
        Instant end = instant(errors, "to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        Long min = pence(errors, "minAmount", minAmount);
        Long max = pence(errors, "maxAmount", maxAmount);
        if (min != null && max != null && min > max) {
            errors.add(new FieldError("maxAmount", "must be at least minAmount"));
        }
        String checkedSortCode = digits(errors, "sortCode", sortCode, SORT_CODE, 6);
        String checkedAccountNumber = digits(errors, "accountNumber", accountNumber, ACCOUNT_NUMBER, 8);
        Pages.limit(errors, limit, MAX_LIMIT);
        return new PaymentQuery(checkedStatus, checkedDirection, blankToNull(schemeTransactionId),
                blankToNull(correlationId), start, end, min, max, checkedSortCode, checkedAccountNumber);
    }

    private static Instant instant(List<FieldError> errors, String field, String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an instant such as 2026-11-24T10:15:30Z"));
            return null;
        }
    }

    private static Long pence(List<FieldError> errors, String field, String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            long pence = Long.parseLong(given);
            if (pence >= 0) {
                return pence;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a negative amount
        }
        errors.add(new FieldError(field, "must be a whole number of pence, 0 or more"));
        return null;
    }

    private static String digits(List<FieldError> errors, String field, String value, Pattern pattern, int count) {
        String given = blankToNull(value);
        if (given != null && !pattern.matcher(given).matches()) {
            errors.add(new FieldError(field, "must be " + count + " digits"));
            return null;
        }
        return given;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
