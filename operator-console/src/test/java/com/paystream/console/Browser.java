package com.paystream.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tests need of a browser: cookies kept per host (as the browser keeps them, without showing them to any
 * script), redirects followed one by one (so each step can be looked at), and the page's own header on its calls.
 */
final class Browser {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Goes to {@code uri} and follows every redirect, as a navigation does; every answer on the way, in order. */
    List<HttpResponse<String>> navigate(URI uri) {
        List<HttpResponse<String>> steps = new ArrayList<>();
        URI next = uri;
        for (int hop = 0; hop < 10 && next != null; hop++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(next).GET());
            steps.add(answer);
            URI current = next;
            next = answer.statusCode() / 100 == 3
                    ? answer.headers().firstValue("Location").map(current::resolve).orElse(null) : null;
        }
        return steps;
    }

    /** One GET as the address bar does it (no page header), not followed. */
    HttpResponse<String> open(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A GET from the page's script ({@code fetch} with the page's header): never followed. */
    HttpResponse<String> call(URI uri) {
        return send(HttpRequest.newBuilder(uri).header(SignIn.PAGE_HEADER, "XMLHttpRequest")
                .header("Accept", "application/json").GET());
    }

    /** A POST of JSON from the page's script, or (without the page's header) from another site's form or script. */
    HttpResponse<String> post(URI uri, String json, boolean fromThePage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (fromThePage) {
            request.header(SignIn.PAGE_HEADER, "XMLHttpRequest");
        }
        return send(request);
    }

    List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** Puts a cookie in the jar as if {@code uri}'s server had set it. */
    void setCookie(URI uri, String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri, cookie);
    }

    /** Deletes the cookies whose name starts with {@code prefix} (as an expired session would leave none). */
    void forgetCookies(String prefix) {
        for (HttpCookie cookie : List.copyOf(cookies())) {
            if (cookie.getName().startsWith(prefix)) {
                cookies.getCookieStore().getURIs().forEach(uri -> cookies.getCookieStore().remove(uri, cookie));
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
