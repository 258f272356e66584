package io.ztrade.dev.emulator;

import static io.ztrade.dev.emulator.support.Api.behave;
import static io.ztrade.dev.emulator.support.Api.emitAccepted;
import static io.ztrade.dev.emulator.support.Api.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztrade.dev.emulator.support.BasicPlatform;
import io.ztrade.testtools.HeadlessChromium;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The status page in a real browser (headless Chromium): it shows what happens as it happens. */
@QuarkusTest
@TestProfile(BasicPlatform.class)
class StatusPageTest {

    @TestHTTPResource("/")
    URL page;

    static String delivery(HeadlessChromium browser, String eventId) throws Exception {
        return browser.eval("(() => { const row = document.querySelector('tr.event[data-id=\"" + eventId + "\"]');"
                + " if (!row) return null; const d = row.querySelector('li.delivery'); if (!d) return 'no delivery yet';"
                + " return d.dataset.trigger + '|' + d.dataset.status + '|'"
                + " + [...d.querySelectorAll('.attempt')].map(a => a.dataset.code).join(','); })()");
    }

    @Test
    void showsTheTopologyAndANewEventsDeliveryWithoutReloading() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            browser.navigate(page.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(
                    browser.eval("String(document.querySelector('#triggers tr[data-trigger=\"m-cesql\"]') !== null)")));
            assertThat(browser.eval("document.querySelector('#triggers tr[data-trigger=\"m-cesql\"]').textContent"))
                    .contains("cesql(type = 'test.matrix.cesql'");
            assertThat(browser.eval("document.querySelector('#brokers tr[data-broker=\"ztrade/default\"]').textContent"))
                    .contains("knative-broker-ztrade-default");

            String id = newId("page");
            emitAccepted(id, "io.ztrade.backtest.requested", "AAPL");
            AtomicReference<String> seen = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                seen.set(delivery(browser, id));
                return "sub-a-backtest-requested|delivered|202".equals(seen.get());
            });
            assertThat(browser.eval("document.querySelector('tr.event[data-id=\"" + id + "\"]').dataset.status")).isEqualTo("delivered");
        }
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void showsTheLatestBarAndSentimentPerSymbolAndTheNextRunOfEachSchedule() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("insert into market_bar (symbol, timeframe, bar_time, open, high, low, close, volume, source) values"
                    + " ('ETH-USD', '15Min', '2031-02-03T10:15:00Z', 10, 12, 9, 11.5, 3, 'replay'),"
                    + " ('ETH-USD', '15Min', '2031-02-03T10:00:00Z', 10, 12, 9, 10.25, 3, 'replay') on conflict do nothing");
            s.executeUpdate("insert into sentiment_score (symbol, as_of, score, confidence, agreement, item_count, breakdown,"
                    + " missing_sources) values ('ETH-USD', '2031-02-03T10:15:00Z', 0.4321, 0.65, 1, 7, '[]', '{reddit}')"
                    + " on conflict do nothing");
        }
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            browser.navigate(page.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval(
                    "(() => { const r = document.querySelector('#market-sentiment tr[data-sentiment=\"ETH-USD\"]'); return r && r.textContent; })()")
                    != null);
            assertThat(browser.eval("document.querySelector('#market-bars tr[data-bar=\"ETH-USD/15Min\"]').textContent"))
                    .contains("ETH-USD").contains("15Min").contains("11.5").contains("replay");
            assertThat(browser.eval("document.querySelector('#market-sentiment tr[data-sentiment=\"ETH-USD\"]').textContent"))
                    .contains("0.43").contains("0.65").contains("7").contains("reddit");
            assertThat(browser.eval("document.querySelector('#sources').textContent")).contains("next ");
        }
    }

    @Test
    void showsDeadLettersWithTheirErrorExtensions() throws Exception {
        behave("/rejecting", "400:symbol: unknown symbol 'XYZ'");
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            browser.navigate(page.toString());
            String id = newId("page-dl");
            emitAccepted(id, "test.rejected", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.eval(
                    "(() => { const r = document.querySelector('#deadletters tr[data-event-id=\"" + id + "\"]'); return r && r.textContent; })()")
                    != null);
            String row = browser.eval("document.querySelector('#deadletters tr[data-event-id=\"" + id + "\"]').textContent");
            assertThat(row).contains("rejecting").contains("400").contains("symbol: unknown symbol 'XYZ'").contains("/rejecting");
        }
    }

    @Test
    void showsWhatEventsCarryAsTextAndRunsNoneOfIt() throws Exception {
        String payload = "<script>window.__xss = 'script'</script><img src=x onerror=\"window.__xss = 'img'\">";
        behave("/rejecting", "400:symbol: " + payload);
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            browser.navigate(page.toString());
            String id = newId("xss") + "<img/src=x/onerror=window.__xss=7>";
            io.ztrade.dev.emulator.support.Api.emit(id, "test.rejected", "<b>subject</b>",
                    "{\"note\":\"" + payload.replace("\"", "\\\"") + "\"}").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.eval(
                    "String([...document.querySelectorAll('#deadletters tr')].some(r => r.dataset.eventId === "
                            + json(id) + "))")));
            String row = browser.eval("[...document.querySelectorAll('#deadletters tr')].find(r => r.dataset.eventId === "
                    + json(id) + ").textContent");
            assertThat(row).as("shown as text").contains("<script>window.__xss = 'script'</script>").contains(id);
            assertThat(browser.eval("String(document.querySelector('#events tr.event') !== null)")).isEqualTo("true");
            assertThat(browser.eval("String(window.__xss)")).as("nothing the event carried ran").isEqualTo("undefined");
            assertThat(browser.eval("String(document.querySelectorAll('#events img, #deadletters img, #events script,"
                    + " #deadletters script').length)")).as("no element made from event content").isEqualTo("0");
        }
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
