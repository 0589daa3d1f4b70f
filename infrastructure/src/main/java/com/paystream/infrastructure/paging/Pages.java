package com.paystream.infrastructure.paging;

import com.paystream.infrastructure.problem.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * A list answered a page at a time: at most {@code limit} items, and while there are more a {@code Link} header
 * ({@code rel="next"}, RFC 8288) naming the next page: this request's path and query with {@code cursorParameter}
 * set to the last item's key.
 */
public final class Pages {
    private Pages() {
    }

    /** {@code limit} as given ({@code null} when not given), or an error added for it. */
    public static Integer limit(List<FieldError> errors, String given, int max) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(given.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + max));
        return null;
    }

    /** 200 with the first {@code limit} items (all of them when {@code limit} is null) and the next page's link. */
    public static <T> Response ok(List<T> items, Integer limit, UriInfo uri, String cursorParameter,
                                  Function<T, String> key) {
        if (limit == null || items.size() <= limit) {
            return Response.ok(items).build();
        }
        List<T> page = items.subList(0, limit);
        URI next = uri.getRequestUriBuilder().replaceQueryParam(cursorParameter, key.apply(page.get(limit - 1)))
                .build();
        return Response.ok(page).header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery()
                + ">; rel=\"next\"").build();
    }
}
