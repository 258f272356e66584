package io.ztrade.dev.serving;

/** {@link LocalServing#acquire} could not hand out a replica; {@link #reason()} says why. */
public final class ServingException extends RuntimeException {

    /** Why no replica was handed out. */
    public enum Reason {
        /** No Knative Service or Deployment of that name in the manifests. */
        UNKNOWN_SERVICE,
        /** The workload cannot run here: its artifact is not built, or its manifest names no module. */
        NOT_RUNNING,
        /** A replica started for this request exited or never became ready. */
        START_FAILED,
        /** No replica with a free slot within the timeout. */
        TIMEOUT,
        /** {@link LocalServing#close()} was called. */
        CLOSED
    }

    private final Reason reason;
    private final String service;

    public ServingException(Reason reason, String service, String message) {
        super(message);
        this.reason = reason;
        this.service = service;
    }

    public Reason reason() {
        return reason;
    }

    /** The Service or Deployment asked for. */
    public String service() {
        return service;
    }
}
