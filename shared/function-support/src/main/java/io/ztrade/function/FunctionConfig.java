package io.ztrade.function;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Configuration every function shares. */
@ConfigMapping(prefix = "ztrade.function")
public interface FunctionConfig {

    /** The function's name as recorded in {@code job_run.function}, e.g. {@code backtest}. */
    String name();

    /** CloudEvent types this function accepts; any other type is answered 400 naming {@code type}. */
    Set<String> acceptedTypes();

    /** Largest request body accepted, in bytes. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Where events this function emits on its own go (fan-out, completions): {@code K_SINK} as a SinkBinding sets it. */
    Sink sink();

    interface Sink {
        /** The sink URL; defaults to the {@code K_SINK} environment variable. */
        @WithDefault("${K_SINK:}")
        Optional<URI> url();

        /** Timeout of one send. */
        @WithDefault("10s")
        Duration timeout();
    }
}
