package io.ztrade.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.ztrade.deploy.StrictManifests.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts fire on the series they are about and only then ({@code promtool test rules}); alerts
 * and dashboards query only metrics the code (or a component the manifests install) exports.
 */
class MonitoringTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROD = Repository.ROOT.resolve("deploy/overlays/prod");

    @Test
    void everyAlertPassesItsPromtoolTests(@TempDir Path dir) throws IOException {
        List<String> alerts = writeRules(dir);
        assertThat(alerts).isNotEmpty();
        String test = copyTest(dir);
        assertThat(Tools.run(dir, List.of(Tools.promtool().toString(), "check", "rules", "ztrade-rules.yaml"))).contains("SUCCESS");
        assertThat(Tools.run(dir, List.of(Tools.promtool().toString(), "test", "rules", "ztrade-rules-test.yaml"))).contains("SUCCESS");
        JsonNode cases = YAML.readTree(test);
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        cases.path("tests").forEach(t -> t.path("alert_rule_test").forEach(a ->
                (a.path("exp_alerts").isEmpty() ? silent : firing).add(a.path("alertname").asText())));
        assertThat(firing).as("alerts with a case where they fire").containsAll(alerts);
        assertThat(silent).as("alerts with a case where they stay silent").containsAll(alerts);
    }

    @Test
    void promtoolCatchesAnAlertThatDoesNotFireAsItsTestSays(@TempDir Path dir) throws IOException {
        writeRules(dir);
        String test = copyTest(dir).replace("values: 0+30x20", "values: 0+1x20");
        Files.writeString(dir.resolve("ztrade-rules-test.yaml"), test);
        assertThatThrownBy(() -> Tools.run(dir, List.of(Tools.promtool().toString(), "test", "rules", "ztrade-rules-test.yaml")))
                .isInstanceOf(Tools.ToolFailure.class).hasMessageContaining("ZtradeFailedAuthenticationsSpiking");
    }

    @Test
    void alertsQueryOnlyExportedMetrics() {
        Set<String> exported = Metrics.exported();
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (PrometheusRule rule : Rendered.rules(PROD).all(PrometheusRule.class)) {
            rule.getSpec().getGroups().forEach(g -> g.getRules().forEach(r -> {
                String expr = r.getExpr().getStrVal() != null ? r.getExpr().getStrVal() : String.valueOf(r.getExpr().getIntVal());
                for (String m : Metrics.referenced(expr)) {
                    if (!Metrics.isExported(m, exported)) {
                        unknown.computeIfAbsent(r.getAlert(), k -> new TreeSet<>()).add(m);
                    }
                }
            }));
        }
        assertThat(unknown).as("metrics no code exports").isEmpty();
    }

    @Test
    void dashboardsAreGrafanaConfigMapsQueryingOnlyExportedMetrics() throws IOException {
        Set<String> exported = Metrics.exported();
        List<ConfigMap> dashboards = Rendered.rules(PROD).all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getLabels() != null && "1".equals(c.getMetadata().getLabels().get("grafana_dashboard")))
                .toList();
        assertThat(dashboards).extracting(c -> c.getMetadata().getName())
                .contains("grafana-dashboard-trading", "grafana-dashboard-platform");
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (ConfigMap c : dashboards) {
            assertThat(c.getData()).as(c.getMetadata().getName()).hasSize(1);
            for (String json : c.getData().values()) {
                JsonNode dashboard = JSON.readTree(json);
                assertThat(dashboard.path("uid").asText()).isNotBlank();
                List<String> exprs = new ArrayList<>();
                dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
                assertThat(exprs).as("queries of %s", c.getMetadata().getName()).isNotEmpty().allMatch(e -> !e.isBlank());
                for (String e : exprs) {
                    for (String m : Metrics.referenced(e)) {
                        if (!Metrics.isExported(m, exported)) {
                            unknown.computeIfAbsent(c.getMetadata().getName(), k -> new TreeSet<>()).add(m);
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("metrics no code exports").isEmpty();
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(Metrics.referenced("histogram_quantile(0.99, sum by (le) (rate(ztrade_orderbook_order_ack_seconds_bucket{le!=\"x\"}[5m]))) > 0.05"))
                .containsExactly("ztrade_orderbook_order_ack_seconds_bucket");
        assertThat(Metrics.referenced("sum(up{job=\"a\"}) > 0 and sum(rate(foo_total[15m])) == 0")).containsExactly("foo_total", "up");
        assertThat(Metrics.isExported("ztrade_orderbook_orders_total", Metrics.exported())).isTrue();
        assertThat(Metrics.isExported("ztrade_orderbook_no_such_thing_total", Metrics.exported())).isFalse();
    }

    /** The rule file promtool reads: the groups of every PrometheusRule of the prod overlay. */
    private static List<String> writeRules(Path dir) throws IOException {
        List<JsonNode> groups = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (Resource r : Rendered.of(PROD)) {
            if (r.model() instanceof PrometheusRule) {
                r.tree().path("spec").path("groups").forEach(g -> {
                    groups.add(g);
                    g.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText()));
                });
            }
        }
        YAML.writeValue(dir.resolve("ztrade-rules.yaml").toFile(), Map.of("groups", groups));
        return alerts;
    }

    private static String copyTest(Path dir) throws IOException {
        try (InputStream in = MonitoringTest.class.getResourceAsStream("/promtool/ztrade-rules-test.yaml")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("ztrade-rules-test.yaml"), text);
            return text;
        }
    }
}
