package io.ztrade.backtest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns the HTTP contract against the packaged artifact (the JVM jar, or the native executable with -Pnative). */
@QuarkusIntegrationTest
@QuarkusTestResource(value = HistoricalDataOnStart.class, restrictToAnnotatedClass = true)
class BacktestHttpContractIT extends BacktestHttpContractTest {}
