package io.ztrade.marketdata.core;

/** A provider failed for good (its retries spent) or answered something that is not bars. */
public class ProviderException extends RuntimeException {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
