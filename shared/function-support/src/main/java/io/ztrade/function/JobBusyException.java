package io.ztrade.function;

/** Another delivery of the same event is running its job; the broker should retry later (429). */
public class JobBusyException extends RuntimeException {
    public JobBusyException(String message) {
        super(message);
    }
}
