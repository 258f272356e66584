package io.ztrade.infra;

/**
 * JVM shutdown hooks that close a server when its owner forgot to, or the JVM exits on a signal:
 * the safety net that keeps PostgreSQL and Redis child processes from outliving the JVM.
 */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    static Thread register(String name, Runnable action) {
        Thread hook = new Thread(action, "ztrade-infra-shutdown-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes {@code hook} unless the JVM is already shutting down (then it runs anyway, harmlessly). */
    static void unregister(Thread hook) {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run; closing is idempotent.
        }
    }
}
