package io.ztrade.dev.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.DashboardPlatform;
import io.ztrade.dev.emulator.support.EndToEndPlatform;
import io.ztrade.dev.emulator.support.TradingRows;
import io.ztrade.testtools.HeadlessChromium;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trading dashboard of the status page in headless Chromium: an agent is booked as the trading
 * loop books it, then a fill and its P&L; the page shows them without a reload, shows a signal's
 * reasoning as text and runs none of it, and draws the equity and drawdown charts with uPlot. Saves
 * the screenshot the README shows ({@code docs/images/trading-dashboard.png}).
 */
@QuarkusTest
@TestProfile(DashboardPlatform.class)
class TradingDashboardTest {

    static final Path SCREENSHOT = EndToEndPlatform.REPO.resolve("docs/images/trading-dashboard.png");
    static final String HOSTILE = "<script>window.__xss = 'signal'</script><img src=x onerror=\"window.__xss = 'img'\">";

    @TestHTTPResource("/")
    URL page;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void showsANewFillAndItsPnlWithoutReloadingAndRunsNothingAReasoningCarries() throws Exception {
        TradingRows rows = new TradingRows(dataSource);
        Instant day0 = Instant.parse("2026-11-02T21:00:00Z");
        rows.agent("aapl-sma", "AAPL", "1Day", "sma-crossover", "10000", "RUNNING", "{\"maxDailyTrades\": 4, \"stopLoss\": 0.05}")
                .agent("btc-momentum", "BTC-USD", "1Hour", "momentum", "5000", "PAUSED", "{\"maxDailyTrades\": 6}")
                .account("aapl-sma", "10000", "0", "0", "10000", LocalDate.of(2026, 12, 2), "10000", 0);
        // a month of equity points before the trade, with their drawdown from the running peak
        BigDecimal peak = BigDecimal.ZERO;
        for (int d = 0; d < 30; d++) {
            BigDecimal equity = new BigDecimal(10000 + Math.round(60 * Math.sin(d / 3.0) + 4 * d)).setScale(2);
            peak = peak.max(equity);
            rows.equity("aapl-sma", day0.plus(d, ChronoUnit.DAYS), equity.toPlainString(),
                    peak.subtract(equity).divide(peak, 8, RoundingMode.HALF_EVEN).toPlainString());
        }
        rows.audit("aapl-sma", day0.plus(29, ChronoUnit.DAYS), "HOLD", false, null,
                "{\"reason\": \"SIGNAL\", \"indicators\": {\"sma10\": 188.91, \"sma30\": 189.47}, \"note\": \"" + HOSTILE.replace("\"", "\\\"")
                        + "\", \"rules\": [{\"rule\": \"market-hours\", \"passed\": true, \"detail\": \"<b>open</b>\", \"haltsAgent\": false}]}");
        rows.bar("AAPL", Instant.parse("2026-12-01T00:00:00Z"), "189.40");

        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1440, "height", 1180, "deviceScaleFactor", 1, "mobile", false));
            open(browser);
            await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.eval(
                    "String(document.querySelector('#trading-agents tr[data-agent=\"aapl-sma\"]') !== null"
                            + " && document.querySelector('#trading-signals tr.signal') !== null)")));
            assertThat(text(browser, "#trading-agents tr[data-agent=\"aapl-sma\"] td.pnl")).isEqualTo("0.00");
            assertThat(browser.eval("document.querySelector('#kill-switch').dataset.engaged")).isEqualTo("false");
            browser.eval("window.__sameDocument = 'yes'");

            BigDecimal drawdown = peak.subtract(new BigDecimal("10024.00")).divide(peak, 8, RoundingMode.HALF_EVEN);
            // the trading loop books a fill: BUY 10 @ 190.00, commission 1.00 (cost basis 1,901.00), marked at the
            // newest close 192.50: value 1,925.00, unrealised and total P&L +24.00
            Instant filled = day0.plus(30, ChronoUnit.DAYS);
            rows.order("aapl-sma-20261202-SIGNAL", "aapl-sma", "AAPL", "BUY", "190.00", "10", "10", "FILLED", filled)
                    .execution("4711:aapl-sma-20261202-SIGNAL", "aapl-sma-20261202-SIGNAL", "aapl-sma", "AAPL", "BUY", "190.00", "10",
                            "1.00", filled.plusSeconds(1))
                    .account("aapl-sma", "8099.00", "0", "1.00", peak.toPlainString(), LocalDate.of(2026, 12, 2), "10000", 1)
                    .position("aapl-sma", "AAPL", "10", "1901.00")
                    .bar("AAPL", Instant.parse("2026-12-02T00:00:00Z"), "192.50")
                    .equity("aapl-sma", filled, "10024.00", drawdown.toPlainString())
                    .audit("aapl-sma", filled, "BUY", true, null, "{\"reason\": \"SIGNAL\", \"confidence\": 0.87, \"quantity\": \"10\","
                            + " \"price\": \"190.00\", \"indicators\": {\"sma10\": 190.2, \"sma30\": 189.6}, \"rules\": ["
                            + "{\"rule\": \"daily-trade-limit\", \"passed\": true, \"detail\": \"0 of 4 trades today\", \"haltsAgent\": false},"
                            + "{\"rule\": \"stop-loss-required\", \"passed\": true, \"detail\": \"stop-loss 5%\", \"haltsAgent\": false}]}");

            await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval(
                    "(() => { const f = document.querySelector('#trading-orders li.fill[data-execution=\"4711:aapl-sma-20261202-SIGNAL\"]');"
                            + " return f && f.textContent; })()") != null);
            await().atMost(Duration.ofSeconds(30)).until(() -> "+24.00".equals(
                    text(browser, "#trading-agents tr[data-agent=\"aapl-sma\"] td.pnl")));
            assertThat(browser.eval("String(window.__sameDocument)")).as("updated live, not reloaded").isEqualTo("yes");
            assertThat(text(browser, "#trading-orders li.fill")).contains("10 @ 190.00", "commission 1.00");
            assertThat(text(browser, "#trading-orders tr.order")).contains("BUY", "FILLED", "10 / 10");
            assertThat(text(browser, "#trading-agents tr[data-agent=\"aapl-sma\"]")).contains("10,024.00", "0.00", "+24.00");
            assertThat(text(browser, "#trading-positions tr[data-position=\"aapl-sma/AAPL\"]")).contains("190.10", "192.50", "1,925.00", "+24.00");
            assertThat(text(browser, "#trading-risk tr[data-risk=\"aapl-sma\"]")).contains("1 / 4")
                    .contains(new BigDecimal("100").multiply(drawdown).setScale(2, RoundingMode.HALF_EVEN) + "% / 20.00%");
            await().atMost(Duration.ofSeconds(30)).until(() -> "31".equals(browser.eval("document.getElementById('equity-chart').dataset.points")));
            assertThat(browser.eval("String(document.querySelectorAll('#equity-chart .uplot canvas, #drawdown-chart .uplot canvas').length)"))
                    .as("both charts drawn by uPlot").isEqualTo("2");

            String signals = text(browser, "#trading-signals");
            assertThat(signals).as("the reasoning, as text").contains(HOSTILE).contains("<b>open</b>").contains("sma10 188.91")
                    .contains("confidence 0.87").contains("daily-trade-limit: 0 of 4 trades today");
            assertThat(browser.eval("String(window.__xss)")).as("nothing the reasoning carried ran").isEqualTo("undefined");
            assertThat(browser.eval("String(document.querySelectorAll('#trading script, #trading img, #trading-signals b, #trading-signals i').length)"))
                    .as("no element made from booked data").isEqualTo("0");

            Files.createDirectories(SCREENSHOT.getParent());
            browser.screenshot(SCREENSHOT, false);
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        }
    }

    @Test
    void showsTheKillSwitchAndTheHaltedAgents() throws Exception {
        TradingRows rows = new TradingRows(dataSource);
        rows.agent("eth-halted", "ETH-USD", "5Min", "ztrade-combined", "3000", "ERROR", "{\"maxDailyTrades\": 10}")
                .status("eth-halted", "ERROR", "max-drawdown: drawdown 21.00% >= 20.00%");
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            open(browser);
            await().atMost(Duration.ofSeconds(30)).until(() -> "false".equals(
                    browser.eval("document.querySelector('#kill-switch').dataset.engaged")));
            rows.killSwitch(true, "operator: <i>halt</i>");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(
                        browser.eval("document.querySelector('#kill-switch').dataset.engaged")));
                assertThat(text(browser, "#kill-switch")).isEqualTo("kill switch ENGAGED");
                assertThat(browser.eval("document.querySelector('#kill-switch').title")).contains("operator: <i>halt</i>");
                assertThat(text(browser, "#trading-risk tr[data-risk=\"eth-halted\"]")).contains("halted", "max-drawdown");
                assertThat(text(browser, "#trading-portfolio")).contains("halted:", "eth-halted");
            } finally {
                rows.killSwitch(false, null);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> "false".equals(
                    browser.eval("document.querySelector('#kill-switch').dataset.engaged")));
        }
    }

    /**
     * Opens the status page in a browser language Intl knows: under a POSIX locale the pinned
     * Chromium reports {@code en-US@posix}, which {@code Intl.NumberFormat} (and so uPlot, as it
     * loads) rejects; a user's browser reports its real language.
     */
    private void open(HeadlessChromium browser) throws Exception {
        String userAgent = browser.send("Browser.getVersion", Map.of()).path("userAgent").asText();
        browser.send("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", "en-US"));
        browser.navigate(page.toString());
    }

    private static String text(HeadlessChromium browser, String selector) throws Exception {
        return browser.eval("(() => { const e = document.querySelector(" + json(selector) + "); return e && e.textContent; })()");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
