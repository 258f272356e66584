package io.ztrade.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.domain.market.Bar;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import io.ztrade.marketdata.alpaca.AlpacaBarsProvider;
import io.ztrade.marketdata.alpaca.RestClientAlpacaTransport;
import io.ztrade.marketdata.core.ProviderException;
import io.ztrade.marketdata.core.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Alpaca provider on the real Quarkus REST client against a local stub (WireMock) that answers in
 * Alpaca's documented shape: pagination, 429 with Retry-After, 500s, timeouts, malformed JSON, a wrong
 * content type, an empty answer and a full page of 10,000 bars. Waits are recorded, not slept.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
class AlpacaStubTest {

    static final Instant SINCE = Instant.parse("2024-01-02T14:30:00Z");
    static WireMockServer stub;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startStub() {
        stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.stop();
    }

    @BeforeEach
    void reset() {
        stub.resetAll();
        waits.clear();
    }

    AlpacaBarsProvider provider(Duration readTimeout, int pageLimit) {
        RestClientAlpacaTransport transport = new RestClientAlpacaTransport(URI.create(stub.baseUrl()), Duration.ofSeconds(2),
                readTimeout, "key-id-1", "secret-1");
        return new AlpacaBarsProvider(transport, new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5)),
                waits::add, Clock.systemUTC(), pageLimit, 20);
    }

    AlpacaBarsProvider provider() {
        return provider(Duration.ofSeconds(5), 10_000);
    }

    static String bar(Instant t, double close) {
        return "{\"t\":\"" + t + "\",\"o\":" + close + ",\"h\":" + (close + 1) + ",\"l\":" + (close - 1) + ",\"c\":" + close
                + ",\"v\":1200,\"n\":31,\"vw\":" + close + "}";
    }

    static String page(String symbol, String token, int from, int count) {
        StringBuilder b = new StringBuilder("{\"bars\":{\"" + symbol + "\":[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append(bar(SINCE.plus(Duration.ofMinutes(5L * (from + i))), 100 + from + i));
        }
        return b.append("]},\"next_page_token\":").append(token == null ? "null" : "\"" + token + "\"").append('}').toString();
    }

    @Test
    void shouldFollowNextPageTokenToTheEndSendingTheAuthHeaders() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("page_token", absent())
                .willReturn(okJson(page("AAPL", "QUFQTHwy", 0, 2))));
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("page_token", equalTo("QUFQTHwy"))
                .willReturn(okJson(page("AAPL", "QUFQTHwz", 2, 2))));
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("page_token", equalTo("QUFQTHwz"))
                .willReturn(okJson(page("AAPL", null, 4, 1))));
        List<Bar> bars = provider(Duration.ofSeconds(5), 2).fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE);
        assertThat(bars).hasSize(5);
        assertThat(bars).extracting(Bar::close).containsExactly(100.0, 101.0, 102.0, 103.0, 104.0);
        stub.verify(3, getRequestedFor(urlPathEqualTo("/v2/stocks/bars"))
                .withHeader("APCA-API-KEY-ID", equalTo("key-id-1"))
                .withHeader("APCA-API-SECRET-KEY", equalTo("secret-1"))
                .withQueryParam("symbols", equalTo("AAPL"))
                .withQueryParam("timeframe", equalTo("5Min"))
                .withQueryParam("start", equalTo(SINCE.toString()))
                .withQueryParam("limit", equalTo("2")));
    }

    @Test
    void shouldAskTheCryptoEndpointWithTheSlashSymbol() {
        stub.stubFor(get(urlPathEqualTo("/v1beta3/crypto/us/bars")).withQueryParam("symbols", equalTo("BTC/USD"))
                .willReturn(okJson(page("BTC/USD", null, 0, 3))));
        assertThat(provider().fetch(Instruments.BTC_USD, Timeframe.MIN_1, SINCE)).hasSize(3);
    }

    @Test
    void shouldWaitWhatRetryAfterAsksOn429ThenSucceed() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("rate limit exceeded"))
                .willSetStateTo("ok"));
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(page("AAPL", null, 0, 1))));
        assertThat(provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE)).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void shouldGiveUpAtOnceWhenRetryAfterExceedsTheBound() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
        assertThatThrownBy(() -> provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("600 s");
        stub.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")));
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldRetry500WithExponentialBackoffAndGiveUpAfterTheBound() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(aResponse().withStatus(500).withBody("internal")));
        assertThatThrownBy(() -> provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("gave up after 3 attempts").hasMessageContaining("500");
        stub.verify(3, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")));
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void shouldRecoverFromOne503() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).inScenario("503").whenScenarioStateIs("ok")
                .willReturn(okJson(page("AAPL", null, 0, 2))));
        assertThat(provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE)).hasSize(2);
    }

    @Test
    void shouldRetryATimeoutAndGiveUpAfterTheBound() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson(page("AAPL", null, 0, 1)).withFixedDelay(1500)));
        assertThatThrownBy(() -> provider(Duration.ofMillis(300), 10_000).fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("gave up after 3 attempts");
        stub.verify(3, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")));
    }

    @Test
    void shouldFailWithoutRetryOnMalformedJson() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"bars\":{\"AAPL\":[{\"t\":")));
        assertThatThrownBy(() -> provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("malformed JSON");
        stub.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")));
    }

    @Test
    void shouldFailOnAWrongContentType() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));
        assertThatThrownBy(() -> provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("text/html");
    }

    @Test
    void shouldFailOnABarThatIsNotOne() {
        String bad = "{\"bars\":{\"AAPL\":[{\"t\":\"" + SINCE + "\",\"o\":10,\"h\":9,\"l\":8,\"c\":9,\"v\":1}]},\"next_page_token\":null}";
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson(bad)));
        assertThatThrownBy(() -> provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("bars.AAPL[0]");
    }

    @Test
    void shouldNotRetryA4xxOtherThan429() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("{\"message\":\"forbidden\"}")));
        assertThatThrownBy(() -> provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("403").hasMessageNotContaining("secret-1");
        stub.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")));
    }

    @Test
    void shouldAnswerNoBarsForAnEmptyResult() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson("{\"bars\":{},\"next_page_token\":null}")));
        assertThat(provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE)).isEmpty();
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson("{\"bars\":null,\"next_page_token\":null}")));
        assertThat(provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE)).isEmpty();
    }

    @Test
    void shouldReadAFullPageOfTenThousandBars() {
        stub.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson(page("AAPL", null, 0, 10_000))));
        List<Bar> bars = provider().fetch(Instruments.AAPL, Timeframe.MIN_5, SINCE);
        assertThat(bars).hasSize(10_000);
        assertThat(bars.get(9_999).time()).isEqualTo(SINCE.plus(Duration.ofMinutes(5L * 9_999)));
    }
}
