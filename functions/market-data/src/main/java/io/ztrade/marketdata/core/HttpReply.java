package io.ztrade.marketdata.core;

/**
 * One HTTP answer of a provider, as the retry and parsing logic needs it.
 *
 * @param status      HTTP status code
 * @param contentType the {@code Content-Type} header, or null
 * @param retryAfter  the {@code Retry-After} header, or null
 * @param body        the body (never null)
 */
public record HttpReply(int status, String contentType, String retryAfter, byte[] body) {

    public HttpReply {
        body = body == null ? new byte[0] : body;
    }

    /** 429 and 5xx: worth another try. */
    public boolean retryable() {
        return status == 429 || status >= 500;
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).strip().startsWith("application/json");
    }
}
