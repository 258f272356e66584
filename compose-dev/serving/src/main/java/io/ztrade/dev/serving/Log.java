package io.ztrade.dev.serving;

import java.lang.System.Logger.Level;

/** {@link System.Logger} (JUL, or whatever the application routes it to) with printf-style messages. */
final class Log {

    private static final System.Logger LOG = System.getLogger(LocalServing.class.getName());

    private Log() {}

    static void info(String format, Object... args) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, String.format(format, args));
        }
    }

    static void warn(String format, Object... args) {
        if (LOG.isLoggable(Level.WARNING)) {
            LOG.log(Level.WARNING, String.format(format, args));
        }
    }

    static void warn(Throwable t, String format, Object... args) {
        if (LOG.isLoggable(Level.WARNING)) {
            LOG.log(Level.WARNING, String.format(format, args), t);
        }
    }
}
