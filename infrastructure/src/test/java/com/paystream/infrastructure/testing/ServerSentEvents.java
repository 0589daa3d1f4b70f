package com.paystream.infrastructure.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Listens to a service's server-sent events as a client does, with a bearer token. */
public final class ServerSentEvents implements AutoCloseable {
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private ServerSentEvents(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    /** Starts listening to {@code path} of the service under test, as the holder of {@code token}. */
    public static ServerSentEvents listen(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
        return new ServerSentEvents(HttpClient.newHttpClient().sendAsync(request,
                HttpResponse.BodyHandlers.ofLines()));
    }

    /** The status of the answer, once it has come. */
    public int status() {
        return answer().statusCode();
    }

    /** The data of the first event that {@code wanted} accepts, within {@code timeout}; empty if none came. */
    public Optional<String> first(Predicate<String> wanted, Duration timeout) {
        CompletableFuture<Optional<String>> found = CompletableFuture.supplyAsync(() -> answer().body()
                .filter(line -> line.startsWith("data:")).map(line -> line.substring("data:".length()).trim())
                .filter(wanted).findFirst());
        try {
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private HttpResponse<Stream<String>> answer() {
        try {
            return response.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new UncheckedIOException(new IOException("No answer to the event stream", e));
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
    }
}
