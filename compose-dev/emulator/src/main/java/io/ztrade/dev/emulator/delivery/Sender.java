package io.ztrade.dev.emulator.delivery;

import io.cloudevents.CloudEvent;
import io.opentelemetry.context.Context;
import io.ztrade.dev.emulator.broker.BrokerKey;
import io.ztrade.dev.emulator.broker.KafkaEvents;
import io.ztrade.dev.emulator.log.EventLog;
import io.ztrade.dev.emulator.routing.ServiceRouter;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.http.CloudEventHttp;
import io.ztrade.events.trace.EventTrace;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers one event to one {@link Target} under a {@link DeliveryPolicy}: attempts, backoff
 * between them, and the retry decision of the Knative data-plane contract ({@link ResponseClass}).
 * Blocking; meant for virtual threads. Thread-safe.
 */
public final class Sender {

    /** Appends an event to a broker of this emulator, durably. */
    @FunctionalInterface
    public interface BrokerAppender {
        CompletableFuture<?> append(BrokerKey broker, CloudEvent event, EventLog.Via via);
    }

    private final HttpClient http;
    private final ServiceRouter services;
    private final BrokerAppender brokers;
    private final KafkaEvents kafka;
    private final Duration activationTimeout;

    /**
     * @param activationTimeout how long a delivery waits for a Knative Service to have a ready
     *                          replica (scale from zero) before the attempt counts as failed
     */
    public Sender(ServiceRouter services, BrokerAppender brokers, KafkaEvents kafka, Duration activationTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.services = services;
        this.brokers = brokers;
        this.kafka = kafka;
        this.activationTimeout = activationTimeout;
    }

    /**
     * Offers {@code event} to {@code target} until it is taken, an error says retrying is useless,
     * or the policy's retries are spent.
     *
     * @param preferReply send {@code Prefer: reply} (deliveries to Trigger subscribers)
     * @throws InterruptedException when the emulator stops meanwhile: the delivery did not end
     */
    public Outcome deliver(Target target, CloudEvent event, DeliveryPolicy policy, boolean preferReply, AttemptListener listener)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                Thread.sleep(policy.backoffBefore(attempt - 1).toMillis());
            }
            Instant at = Instant.now();
            AttemptResult result = attempt(target, event, policy, preferReply);
            listener.attempted(attempt, at, result);
            ResponseClass c = result.classify();
            if (c == ResponseClass.DELIVERED) {
                return new Outcome(true, attempt, result);
            }
            if (c == ResponseClass.FAILED || attempt > policy.retry()) {
                return new Outcome(false, attempt, result);
            }
        }
    }

    /** One attempt. */
    public AttemptResult attempt(Target target, CloudEvent event, DeliveryPolicy policy, boolean preferReply)
            throws InterruptedException {
        long start = System.nanoTime();
        return switch (target) {
            case Target.Url u -> post(u.uri(), event, policy, preferReply, start);
            case Target.KnativeService s -> {
                ServiceRouter.Lease lease;
                try {
                    lease = services.acquire(s.name(), activationTimeout);
                } catch (ServiceRouter.UnavailableException e) {
                    yield AttemptResult.failure(target.describe(), millisSince(start), e.getMessage()).withActivation(millisSince(start));
                }
                double activation = millisSince(start);
                try (lease) {
                    yield post(resolve(lease.url(), s.path()), event, policy, preferReply, start).withActivation(activation);
                }
            }
            case Target.PlainService s -> {
                var url = services.urlOf(s.name());
                if (url.isEmpty()) {
                    yield AttemptResult.failure(target.describe(), millisSince(start), "service '" + s.name() + "' has no address (not running)");
                }
                yield post(resolve(url.get(), s.path()), event, policy, preferReply, start);
            }
            case Target.BrokerIngress b -> stored(target, brokers.append(b.broker(), event, b.via()), policy, start);
            case Target.KafkaTopic k -> stored(target, kafka.send(k.topic(), event, k.structured()), policy, start);
        };
    }

    private static URI resolve(URI base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        return base.resolve(path);
    }

    private AttemptResult stored(Target target, CompletableFuture<?> write, DeliveryPolicy policy, long start)
            throws InterruptedException {
        try {
            write.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new AttemptResult(target.describe(), 202, new byte[0], millisSince(start), null, null, null);
        } catch (ExecutionException e) {
            return AttemptResult.failure(target.describe(), millisSince(start), "not stored: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return AttemptResult.failure(target.describe(), millisSince(start), "not stored within " + policy.timeout());
        }
    }

    private AttemptResult post(URI url, CloudEvent event, DeliveryPolicy policy, boolean preferReply, long start)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(policy.timeout());
        if (preferReply) {
            request.header("Prefer", "reply");
        }
        EventTrace.inject(Context.current(), request::header); // this hop's span: the delivery's
        byte[] body = policy.structured()
                ? CloudEventHttp.writeStructured(event, request::header)
                : CloudEventHttp.writeBinary(event, request::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return AttemptResult.failure(url.toString(), millisSince(start), "no response within " + policy.timeout());
        } catch (ConnectException e) {
            return AttemptResult.failure(url.toString(), millisSince(start), "connection refused");
        } catch (IOException e) {
            return AttemptResult.failure(url.toString(), millisSince(start), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        double latency = millisSince(start);
        byte[] responseBody = response.body() == null ? new byte[0] : response.body();
        CloudEvent reply = null;
        String replyError = null;
        if (response.statusCode() == 200 && carriesEvent(response)) {
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
                }
            });
            try {
                reply = CloudEventHttp.read(headers, responseBody);
            } catch (InvalidEventException e) {
                replyError = "reply is not a valid CloudEvent: " + e.getMessage();
            }
        }
        return new AttemptResult(url.toString(), response.statusCode(), responseBody, latency, null, reply, replyError);
    }

    private static boolean carriesEvent(HttpResponse<?> response) {
        if (response.headers().firstValue("ce-specversion").isPresent()) {
            return true;
        }
        List<String> ct = response.headers().allValues("content-type");
        return !ct.isEmpty() && CloudEventHttp.isStructured(ct.get(0));
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
