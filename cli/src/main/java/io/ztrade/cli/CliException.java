package io.ztrade.cli;

/** A command failed for a reason the user can act on: the message is printed, the exit code returned. */
final class CliException extends RuntimeException {

    /** The command ran and failed: a rejected event, a failed backtest, no reply in time. */
    static final int FAILED = 1;
    /** Wrong arguments (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** The platform is not running (or not yet ready) at the address used. */
    static final int NOT_RUNNING = 3;

    final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }
}
