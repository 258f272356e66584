package io.ztrade.sentiment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns the HTTP contract against the packaged artifact (the JVM jar, or the native executable with -Pnative). */
@QuarkusIntegrationTest
class SentimentHttpContractIT extends SentimentHttpContractTest {}
