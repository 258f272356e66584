package io.ztrade.marketdata.alpaca;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.ztrade.marketdata.core.HttpReply;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@link AlpacaTransport} on the Quarkus REST client, with connect and read timeouts. Every status is
 * handed back as it came (the default exception mapper is off); the key and secret travel only as
 * the two headers and are never logged.
 */
public final class RestClientAlpacaTransport implements AlpacaTransport {

    private final AlpacaRestApi api;
    private final String keyId;
    private final String secret;

    public RestClientAlpacaTransport(URI baseUri, Duration connectTimeout, Duration readTimeout, String keyId, String secret) {
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disableDefaultMapper", true)
                .build(AlpacaRestApi.class);
        this.keyId = keyId;
        this.secret = secret;
    }

    @Override
    public HttpReply bars(boolean crypto, String symbol, String timeframe, String start, int limit, String pageToken) {
        Response r;
        try {
            r = crypto
                    ? api.cryptoBars(keyId, secret, symbol, timeframe, start, limit, pageToken)
                    : api.stockBars(keyId, secret, symbol, timeframe, start, limit, pageToken);
        } catch (WebApplicationException e) {
            r = e.getResponse();
        }
        try (Response response = r) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            return new HttpReply(response.getStatus(), response.getHeaderString("Content-Type"),
                    response.getHeaderString("Retry-After"), body);
        }
    }

    @Override
    public String toString() {
        return "RestClientAlpacaTransport[credentials hidden]";
    }
}
