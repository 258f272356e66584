package io.ztrade.events.http;

import io.ztrade.events.InvalidEventException;

/**
 * The request carries CloudEvents in a mode or format the platform does not accept (batched mode,
 * a structured format other than JSON): an ingress answers {@code 415 Unsupported Media Type}
 * naming {@code content-type}.
 */
public class UnsupportedEventFormatException extends InvalidEventException {
    public UnsupportedEventFormatException(String message) {
        super("content-type", message);
    }
}
