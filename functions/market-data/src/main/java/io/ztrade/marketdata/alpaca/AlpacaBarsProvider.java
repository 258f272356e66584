package io.ztrade.marketdata.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.domain.market.AssetClass;
import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.marketdata.core.BarProvider;
import io.ztrade.marketdata.core.HttpReply;
import io.ztrade.marketdata.core.ProviderException;
import io.ztrade.marketdata.core.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bars from an Alpaca-compatible market-data API: {@code GET /v2/stocks/bars} for equities,
 * {@code GET /v1beta3/crypto/us/bars} for crypto, both answering
 * {@code {"bars":{"SYM":[{"t","o","h","l","c","v","n","vw"}]},"next_page_token":...}}. Follows
 * {@code next_page_token} to the end (at most {@code maxPages} pages), retries 429, 5xx and transport
 * failures by the {@link RetryPolicy}, and fails with a {@link ProviderException} on anything that is
 * not bars (wrong content type, malformed JSON, an inconsistent bar): nothing of such a fetch is kept.
 */
public final class AlpacaBarsProvider implements BarProvider {

    private static final Logger LOG = Logger.getLogger(AlpacaBarsProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlpacaTransport transport;
    private final RetryPolicy retry;
    private final RetryPolicy.Sleeper sleeper;
    private final Clock clock;
    private final int pageLimit;
    private final int maxPages;

    public AlpacaBarsProvider(AlpacaTransport transport, RetryPolicy retry, RetryPolicy.Sleeper sleeper, Clock clock,
            int pageLimit, int maxPages) {
        if (pageLimit < 1 || pageLimit > 10_000) {
            throw new IllegalArgumentException("page limit must be in [1, 10000], was " + pageLimit);
        }
        this.transport = transport;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.pageLimit = pageLimit;
        this.maxPages = maxPages;
    }

    @Override
    public String name() {
        return "alpaca";
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    /** Alpaca's symbol: {@code BTC/USD} for crypto pairs, the ticker for equities. */
    public static String providerSymbol(Instrument instrument) {
        return instrument.assetClass() == AssetClass.CRYPTO ? instrument.symbol().replace('-', '/') : instrument.symbol();
    }

    @Override
    public List<Bar> fetch(Instrument instrument, Timeframe timeframe, Instant since) {
        boolean crypto = instrument.assetClass() == AssetClass.CRYPTO;
        String symbol = providerSymbol(instrument);
        List<Bar> bars = new ArrayList<>();
        String token = null;
        for (int page = 1; ; page++) {
            if (page > maxPages) {
                throw new ProviderException("alpaca: " + symbol + " " + timeframe + " has more than " + maxPages
                        + " pages of " + pageLimit + " bars since " + since + "; ask for a later since");
            }
            HttpReply reply = call(crypto, symbol, timeframe, since, token);
            token = parsePage(reply, symbol, bars);
            if (token == null || token.isEmpty()) {
                return bars;
            }
        }
    }

    private HttpReply call(boolean crypto, String symbol, Timeframe timeframe, Instant since, String token) {
        String last = null;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpReply reply = transport.bars(crypto, symbol, timeframe.id(), since.toString(), pageLimit, token);
                if (!reply.retryable()) {
                    if (reply.status() / 100 != 2) {
                        throw new ProviderException("alpaca: " + symbol + " answered " + reply.status() + ": " + excerpt(reply.body()));
                    }
                    return reply;
                }
                last = "status " + reply.status();
                Optional<Duration> asked = RetryPolicy.retryAfter(reply.retryAfter(), clock);
                wait = asked.orElse(Duration.ZERO);
                if (wait.compareTo(retry.maxDelay()) > 0) {
                    throw new ProviderException("alpaca: " + symbol + " answered " + reply.status() + " asking to wait "
                            + asked.orElseThrow().toSeconds() + " s, more than the " + retry.maxDelay().toSeconds() + " s bound");
                }
            } catch (ProviderException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = Duration.ZERO;
            }
            if (attempt >= retry.maxAttempts()) {
                throw new ProviderException("alpaca: " + symbol + " gave up after " + attempt + " attempts, last: " + last);
            }
            Duration backoff = retry.backoff(attempt);
            Duration sleep = wait.compareTo(backoff) > 0 ? wait : backoff;
            LOG.debugf("alpaca: %s attempt %d failed (%s), retrying in %d ms", symbol, attempt, last, sleep.toMillis());
            try {
                sleeper.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException("alpaca: interrupted while waiting to retry " + symbol, e);
            }
        }
    }

    /** Adds the page's bars of {@code symbol}; returns its next_page_token (null at the end). */
    static String parsePage(HttpReply reply, String symbol, List<Bar> into) {
        if (!reply.isJson()) {
            throw new ProviderException("alpaca: " + symbol + " answered content type '" + reply.contentType()
                    + "', expected application/json: " + excerpt(reply.body()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new ProviderException("alpaca: " + symbol + " answered malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProviderException("alpaca: " + symbol + " answered unreadable JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException("alpaca: " + symbol + " answered JSON that is not an object");
        }
        JsonNode bars = root.path("bars");
        if (bars.isObject()) {
            JsonNode list = bars.path(symbol);
            if (!list.isMissingNode() && !list.isNull()) {
                if (!list.isArray()) {
                    throw new ProviderException("alpaca: bars." + symbol + " is not an array");
                }
                for (int i = 0; i < list.size(); i++) {
                    into.add(bar(list.get(i), "bars." + symbol + "[" + i + "]"));
                }
            }
        } else if (!bars.isMissingNode() && !bars.isNull()) {
            throw new ProviderException("alpaca: bars is not an object");
        }
        JsonNode token = root.path("next_page_token");
        if (token.isMissingNode() || token.isNull()) {
            return null;
        }
        if (!token.isTextual()) {
            throw new ProviderException("alpaca: next_page_token is not a string");
        }
        return token.asText();
    }

    private static Bar bar(JsonNode n, String where) {
        try {
            Instant t = Instant.parse(text(n, "t", where));
            return new Bar(t, number(n, "o", where), number(n, "h", where), number(n, "l", where), number(n, "c", where),
                    number(n, "v", where));
        } catch (DateTimeParseException e) {
            throw new ProviderException("alpaca: " + where + ".t is not an RFC-3339 time: " + e.getParsedString());
        } catch (IllegalArgumentException e) {
            throw new ProviderException("alpaca: " + where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new ProviderException("alpaca: " + where + "." + field + " is missing or not a string");
        }
        return v.asText();
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isNumber()) {
            throw new ProviderException("alpaca: " + where + "." + field + " is missing or not a number");
        }
        return v.asDouble();
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return body.length > 200 ? s + "..." : s;
    }
}
