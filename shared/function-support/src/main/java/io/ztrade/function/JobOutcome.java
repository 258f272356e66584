package io.ztrade.function;

/**
 * What a job produced: a reply event (type + data) or none, and whether it succeeded.
 *
 * @param replyType CloudEvent type of the reply, or null for no reply
 * @param replyData the reply's data (a payload record), or null
 * @param succeeded false for a business failure (the reply says why; a redelivery replays it)
 * @param error     for a failure, a sentence recorded in {@code job_run.error}
 */
public record JobOutcome(String replyType, Object replyData, boolean succeeded, String error) {

    public static JobOutcome succeeded(String replyType, Object replyData) {
        return new JobOutcome(replyType, replyData, true, null);
    }

    public static JobOutcome succeededWithoutReply() {
        return new JobOutcome(null, null, true, null);
    }

    public static JobOutcome failed(String replyType, Object replyData, String error) {
        return new JobOutcome(replyType, replyData, false, error);
    }
}
