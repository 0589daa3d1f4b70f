package com.paystream.accounts.account;

import com.paystream.accounts.ledger.Ledger;
import com.paystream.infrastructure.paging.Pages;
import com.paystream.infrastructure.problem.FieldError;
import com.paystream.infrastructure.problem.ValidationProblem;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters of the account list: {@code q} finds accounts by holder name, sort code or account number
 * (each word of it in one of them: "jane 608371" is Jane's accounts at that sort code; a sort code may be written
 * 60-83-71), {@code limit} and {@code after} page through them.
 */
public class AccountSearch {
    /** The most accounts one page holds. */
    static final int MAX_LIMIT = 500;
    private static final int MAX_QUERY = 200;

    @QueryParam("q")
    @Parameter(description = "Words each found in the holder's name (any case), the sort code or the account "
            + "number, e.g. \"jane 60-83-71\"")
    String q;
    @QueryParam("limit")
    @Parameter(description = "The most accounts to answer, 1 to 500 (without it: every match)")
    String limit;
    @QueryParam("after")
    @Parameter(description = "The accountId of the last account of the page before: the page starts after it")
    String after;

    /** The words to find, checked with the paging parameters: a 400 naming each that is not right. */
    List<String> words() {
        List<FieldError> errors = new ArrayList<>();
        if (q != null && q.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters"));
        }
        Pages.limit(errors, limit, MAX_LIMIT);
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        return q == null ? List.of() : Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isEmpty()).map(AccountSearch::digitsOfASortCode).toList();
    }

    /** The most accounts to answer ({@code null}: all); {@link #words()} has checked it. */
    Integer limit() {
        return Pages.limit(new ArrayList<>(), limit, MAX_LIMIT);
    }

    /** The account after which the page starts, or null. */
    String after() {
        return after == null || after.isBlank() ? null : after.trim();
    }

    /** Whether every word is in the account's holder name, sort code or account number. */
    static boolean matches(Ledger.Summary account, List<String> words) {
        String name = account.holderName().toLowerCase(Locale.ROOT);
        return words.stream().allMatch(word -> name.contains(word) || account.sortCode().contains(word)
                || account.accountNumber().contains(word));
    }

    /** "60-83-71" as the 608371 it stands for; any other word as it is. */
    private static String digitsOfASortCode(String word) {
        return word.matches("\\d{2}-\\d{2}-\\d{2}") ? word.replace("-", "") : word;
    }
}
