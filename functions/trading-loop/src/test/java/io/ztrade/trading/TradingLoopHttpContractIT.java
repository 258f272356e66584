package io.ztrade.trading;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns the HTTP contract against the packaged artifact (the JVM jar, or the native executable with -Pnative). */
@QuarkusIntegrationTest
class TradingLoopHttpContractIT extends TradingLoopHttpContractTest {}
