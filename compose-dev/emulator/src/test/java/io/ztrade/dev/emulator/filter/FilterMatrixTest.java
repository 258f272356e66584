package io.ztrade.dev.emulator.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.fabric8.knative.eventing.v1.SubscriptionsAPIFilter;
import io.fabric8.knative.eventing.v1.SubscriptionsAPIFilterBuilder;
import io.fabric8.knative.eventing.v1.TriggerFilter;
import io.fabric8.knative.eventing.v1.TriggerSpec;
import io.fabric8.knative.eventing.v1.TriggerSpecBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every filter dialect of a Trigger, each matching and not matching, with Knative's semantics. */
class FilterMatrixTest {

    static final CloudEvent BACKTEST = CloudEventBuilder.v1()
            .withId("e-1")
            .withSource(URI.create("/ztrade/cli"))
            .withType("io.ztrade.backtest.requested")
            .withSubject("AAPL")
            .withExtension("strategy", "sma-crossover")
            .withExtension("priority", 7)
            .withData("application/json", "{}".getBytes())
            .build();

    static SubscriptionsAPIFilter exact(Map<String, String> m) {
        return new SubscriptionsAPIFilterBuilder().withExact(m).build();
    }

    static SubscriptionsAPIFilter prefix(Map<String, String> m) {
        return new SubscriptionsAPIFilterBuilder().withPrefix(m).build();
    }

    static SubscriptionsAPIFilter suffix(Map<String, String> m) {
        return new SubscriptionsAPIFilterBuilder().withSuffix(m).build();
    }

    static SubscriptionsAPIFilter cesql(String expression) {
        return new SubscriptionsAPIFilterBuilder().withCesql(expression).build();
    }

    static boolean passes(SubscriptionsAPIFilter... filters) {
        TriggerSpec spec = new TriggerSpecBuilder().withFilters(List.of(filters)).build();
        return Filters.compile(spec).test(BACKTEST);
    }

    static boolean passesAttributes(Map<String, String> attributes) {
        TriggerSpec spec = new TriggerSpecBuilder().withFilter(new TriggerFilter(attributes)).build();
        return Filters.compile(spec).test(BACKTEST);
    }

    @Test
    void attributesFilterMatchesEqualValuesAndTreatsEmptyAsAny() {
        assertThat(passesAttributes(Map.of("type", "io.ztrade.backtest.requested", "source", "/ztrade/cli"))).isTrue();
        assertThat(passesAttributes(Map.of("strategy", ""))).isTrue();
        assertThat(passesAttributes(Map.of("priority", "7"))).isTrue();
        assertThat(passesAttributes(Map.of("dataschema", ""))).as("an unset spec attribute exists as \"\"").isTrue();
    }

    @Test
    void attributesFilterRejectsOtherValuesAndMissingExtensions() {
        assertThat(passesAttributes(Map.of("type", "io.ztrade.backtest.completed"))).isFalse();
        assertThat(passesAttributes(Map.of("type", "io.ztrade.backtest.requested", "source", "/elsewhere"))).isFalse();
        assertThat(passesAttributes(Map.of("symbol", ""))).as("a missing extension never matches").isFalse();
    }

    @Test
    void noFilterPassesEveryEvent() {
        assertThat(Filters.compile(new TriggerSpec()).test(BACKTEST)).isTrue();
        assertThat(passesAttributes(Map.of())).isTrue();
        assertThat(passes()).isTrue();
    }

    @Test
    void exactMatchesOnlyIdenticalValues() {
        assertThat(passes(exact(Map.of("type", "io.ztrade.backtest.requested")))).isTrue();
        assertThat(passes(exact(Map.of("type", "io.ztrade.backtest")))).isFalse();
        assertThat(passes(exact(Map.of("subject", "aapl")))).as("case-sensitive").isFalse();
        assertThat(passes(exact(Map.of("symbol", "AAPL")))).as("missing attribute").isFalse();
    }

    @Test
    void prefixMatchesTheStartOfEveryListedAttribute() {
        assertThat(passes(prefix(Map.of("type", "io.ztrade.backtest.", "source", "/ztrade/")))).isTrue();
        assertThat(passes(prefix(Map.of("type", "io.ztrade.order.")))).isFalse();
        assertThat(passes(prefix(Map.of("type", "io.ztrade.", "source", "/orderbook")))).isFalse();
    }

    @Test
    void suffixMatchesTheEndOfEveryListedAttribute() {
        assertThat(passes(suffix(Map.of("type", ".requested")))).isTrue();
        assertThat(passes(suffix(Map.of("type", ".completed")))).isFalse();
    }

    @Test
    void allNeedsEveryNestedExpression() {
        SubscriptionsAPIFilter both = new SubscriptionsAPIFilterBuilder()
                .withAll(prefix(Map.of("type", "io.ztrade.")), suffix(Map.of("type", ".requested"))).build();
        SubscriptionsAPIFilter oneFails = new SubscriptionsAPIFilterBuilder()
                .withAll(prefix(Map.of("type", "io.ztrade.")), suffix(Map.of("type", ".completed"))).build();
        assertThat(passes(both)).isTrue();
        assertThat(passes(oneFails)).isFalse();
    }

    @Test
    void anyNeedsOneNestedExpression() {
        SubscriptionsAPIFilter one = new SubscriptionsAPIFilterBuilder()
                .withAny(exact(Map.of("type", "io.ztrade.backtest.completed")), exact(Map.of("type", "io.ztrade.backtest.requested")))
                .build();
        SubscriptionsAPIFilter none = new SubscriptionsAPIFilterBuilder()
                .withAny(exact(Map.of("type", "io.ztrade.backtest.completed")), exact(Map.of("type", "io.ztrade.backtest.failed")))
                .build();
        assertThat(passes(one)).isTrue();
        assertThat(passes(none)).isFalse();
    }

    @Test
    void notInvertsItsExpression() {
        assertThat(passes(new SubscriptionsAPIFilterBuilder().withNot(exact(Map.of("type", "io.ztrade.backtest.completed"))).build()))
                .isTrue();
        assertThat(passes(new SubscriptionsAPIFilterBuilder().withNot(exact(Map.of("type", "io.ztrade.backtest.requested"))).build()))
                .isFalse();
    }

    @Test
    void cesqlEvaluatesWithTheCloudEventsSqlEngine() {
        assertThat(passes(cesql("type = 'io.ztrade.backtest.requested' AND subject IN ('AAPL', 'BTC-USD')"))).isTrue();
        assertThat(passes(cesql("type LIKE 'io.ztrade.%.requested' AND strategy = 'sma-crossover'"))).isTrue();
        assertThat(passes(cesql("EXISTS priority AND priority > 5"))).isTrue();
        assertThat(passes(cesql("type = 'io.ztrade.backtest.completed'"))).isFalse();
        assertThat(passes(cesql("subject IN ('ETH-USD')"))).isFalse();
        assertThat(passes(cesql("EXISTS symbol"))).isFalse();
    }

    @Test
    void cesqlThatFailsToEvaluateDoesNotPass() {
        assertThat(passes(cesql("INT(subject) < 3"))).as("a cast error").isFalse();
    }

    @Test
    void everyExpressionOfTheFiltersListMustHold() {
        assertThat(passes(prefix(Map.of("type", "io.ztrade.")), exact(Map.of("subject", "AAPL")))).isTrue();
        assertThat(passes(prefix(Map.of("type", "io.ztrade.")), exact(Map.of("subject", "ETH-USD")))).isFalse();
    }

    @Test
    void filtersReplaceTheAttributesFilterWhenBothAreSet() {
        TriggerSpec spec = new TriggerSpecBuilder()
                .withFilter(new TriggerFilter(Map.of("type", "io.ztrade.backtest.completed")))
                .withFilters(List.of(exact(Map.of("type", "io.ztrade.backtest.requested"))))
                .build();
        assertThat(Filters.compile(spec).test(BACKTEST)).isTrue();
    }

    @Test
    void rejectsCesqlThatDoesNotParseNamingTheField() {
        TriggerSpec spec = new TriggerSpecBuilder().withFilters(List.of(cesql("type = = 'x'"))).build();
        assertThatThrownBy(() -> Filters.compile(spec))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageStartingWith("spec.filters[0].cesql:");
    }

    @Test
    void rejectsTwoDialectsInOneExpression() {
        SubscriptionsAPIFilter two = new SubscriptionsAPIFilterBuilder()
                .withExact(Map.of("type", "a")).withPrefix(Map.of("type", "b")).build();
        TriggerSpec spec = new TriggerSpecBuilder().withFilters(List.of(two)).build();
        assertThatThrownBy(() -> Filters.compile(spec)).hasMessageContaining("spec.filters[0]").hasMessageContaining("one dialect");
    }

    @Test
    void rejectsEmptyValuesInExactPrefixAndSuffix() {
        TriggerSpec spec = new TriggerSpecBuilder().withFilters(List.of(prefix(Map.of("type", "")))).build();
        assertThatThrownBy(() -> Filters.compile(spec)).hasMessageStartingWith("spec.filters[0].prefix.type:");
    }

    @Test
    void describesItselfForTheStatusPage() {
        TriggerSpec spec = new TriggerSpecBuilder().withFilters(List.of(
                new SubscriptionsAPIFilterBuilder().withAny(exact(Map.of("type", "a")), cesql("subject = 'b'")).build())).build();
        assertThat(Filters.compile(spec).toString()).isEqualTo("any(exact(type=a), cesql(subject = 'b'))");
    }
}
