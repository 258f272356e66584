package io.ztrade.orderbook.service.api;

import io.ztrade.orderbook.service.OrderbookService;
import io.ztrade.orderbook.service.kafka.OrderbookNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A write for a book this replica does not own goes to the replica that does: the owner of the
 * symbol's partition in the consumer group ({@link io.ztrade.orderbook.service.kafka.OwnerDirectory}),
 * with the caller's bearer token, and its answer is passed back as it is. One hop only: a forwarded
 * request carries {@value #FORWARDED_BY}, and a replica that is not the owner of a forwarded request
 * (ownership moved meanwhile) answers 503 {@code not_owner} as it did before forwarding existed. The
 * caller's retry then finds the new owner.
 */
@ApplicationScoped
public class OwnerForwarding {

    /** Header of a forwarded request: the client id of the replica that forwarded it. */
    public static final String FORWARDED_BY = "Ztrade-Forwarded-By";

    @Inject
    OrderbookService service;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The owner lookup asks Kafka and PostgreSQL: never on the event loop. */
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Answers the write {@code method uri} with {@code body} that failed with {@code error}: forwarded
     * to the owner when {@code error} is a {@link OrderbookNode.NotOwnerException} of a request that
     * was not forwarded already, otherwise as {@link Responses#failure} does.
     */
    CompletionStage<Response> failed(Throwable error, String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (!(cause instanceof OrderbookNode.NotOwnerException notOwner) || headers.getHeaderString(FORWARDED_BY) != null) {
            return CompletableFuture.completedFuture(Responses.failure(cause));
        }
        return CompletableFuture.supplyAsync(() -> service.directory().owner(notOwner.partition()), lookups)
                .thenCompose(owner -> owner.map(o -> forward(o, method, uri, headers, body))
                        .orElseGet(() -> CompletableFuture.completedFuture(Responses.failure(cause))));
    }

    private CompletionStage<Response> forward(URI owner, String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        String path = uri.getRequestUri().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        URI target = owner.resolve(path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(service.requestTimeout().plusSeconds(2))
                .header(FORWARDED_BY, service.clientId())
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Optional.ofNullable(headers.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(a -> request.header(HttpHeaders.AUTHORIZATION, a));
        Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)).ifPresent(c -> request.header(HttpHeaders.CONTENT_TYPE, c));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((answer, e) -> {
                    if (e != null) {
                        return Responses.error(503, "not_owner", null,
                                "the owner of this book (" + owner + ") did not answer: " + e.getClass().getSimpleName());
                    }
                    Response.ResponseBuilder r = Response.status(answer.statusCode()).entity(answer.body());
                    answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(r::type);
                    answer.headers().firstValue("Retry-After").ifPresent(v -> r.header("Retry-After", v));
                    return r.build();
                });
    }

    @PreDestroy
    void close() {
        lookups.close();
    }
}
