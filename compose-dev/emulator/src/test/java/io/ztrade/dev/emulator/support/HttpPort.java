package io.ztrade.dev.emulator.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Test resource: a free port for the application under test, known before it starts (the emulator
 * hands its broker URL to the processes it starts as {@code K_SINK}).
 */
public class HttpPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Map.of("quarkus.http.test-port", String.valueOf(s.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
