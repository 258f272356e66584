package io.ztrade.dev.emulator.delivery;

/**
 * What a subscriber's HTTP status code means for the sender, per the Knative Eventing data-plane
 * contract ("Event Acknowledgement and Delivery Retry").
 */
public enum ResponseClass {
    /** 2xx: the delivery is complete. */
    DELIVERED,
    /** 404, 408, 409, 429, 5xx, no response at all, or a code outside the table: try again. */
    RETRY,
    /** 1xx, 3xx, 400, 401, 403 and the other 4xx: an error that another attempt will not fix. */
    FAILED;

    /** Classifies an HTTP status code. */
    public static ResponseClass of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if ((status >= 100 && status < 200) || (status >= 300 && status < 400)) {
            return FAILED;
        }
        if (status >= 400 && status < 500) {
            return switch (status) {
                case 404, 408, 409, 429 -> RETRY;
                default -> FAILED;
            };
        }
        // 5xx, and anything not in the table: "SHOULD be treated as a retriable error".
        return RETRY;
    }
}
