package io.ztrade.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.ztrade.deploy.NetworkFlows.Endpoint;
import io.ztrade.deploy.NetworkFlows.Flow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The NetworkPolicies let exactly the flows of the design through (infra/README.md, "Network
 * flows"), for every overlay and every workload in it, a new function included.
 */
class NetworkFlowsTest {

    /** Functions that call providers outside the cluster (the fetchers of DESIGN.md). */
    static final Set<String> FETCHERS = Set.of("market-data", "sentiment");

    /** The flows of DESIGN.md, written out for the endpoints of a rendered overlay. */
    static Set<Flow> expected(List<Endpoint> endpoints) {
        Set<Flow> out = new TreeSet<>();
        for (Endpoint e : endpoints) {
            if (!e.isPod() || !"ztrade".equals(e.namespace())) {
                continue;
            }
            String n = e.name();
            out.add(new Flow(n, "kube-dns", "UDP", 53));
            out.add(new Flow(n, "kube-dns", "TCP", 53));
            if ("function".equals(e.labels().get("app.kubernetes.io/component"))) {
                for (String from : List.of("knative-serving", "kourier-system")) {
                    for (int port : List.of(8012, 8013, 8022)) {
                        out.add(new Flow(from, n, "TCP", port));
                    }
                }
                out.add(new Flow("monitoring", n, "TCP", 8080));
                out.add(new Flow("monitoring", n, "TCP", 9091));
                out.add(new Flow(n, "postgres", "TCP", 5432));
                out.add(new Flow(n, "redis", "TCP", 6379));
                out.add(new Flow(n, "kafka", "TCP", 9092));
                out.add(new Flow(n, "knative-eventing", "TCP", 8080));
                out.add(new Flow(n, "monitoring", "TCP", 4317));
                if (FETCHERS.contains(n)) {
                    out.add(new Flow(n, "internet", "TCP", 443));
                }
            }
        }
        out.add(new Flow("monitoring", "orderbook", "TCP", 8080));
        out.add(new Flow("orderbook", "orderbook", "TCP", 8080));
        out.add(new Flow("orderbook", "kafka", "TCP", 9092));
        out.add(new Flow("orderbook", "postgres", "TCP", 5432));
        out.add(new Flow("knative-eventing", "kafka", "TCP", 9092));
        for (int port : List.of(9090, 9091, 9092)) {
            out.add(new Flow("kafka", "kafka", "TCP", port));
        }
        out.add(new Flow("strimzi", "kafka", "TCP", 9091));
        out.add(new Flow("monitoring", "kafka", "TCP", 9404));
        out.add(new Flow("postgres", "postgres", "TCP", 5432));
        out.add(new Flow("cnpg-system", "postgres", "TCP", 8000));
        out.add(new Flow("monitoring", "postgres", "TCP", 9187));
        for (String operated : List.of("kafka", "postgres")) {
            for (String to : List.of("internet", "api-server")) {
                out.add(new Flow(operated, to, "TCP", 443));
                out.add(new Flow(operated, to, "TCP", 6443));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> thePoliciesLetExactlyTheDesignedFlowsThrough() {
        return Repository.overlays().stream().map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
            Rules rules = Rendered.rules(o);
            List<Endpoint> endpoints = NetworkFlows.endpoints(rules, "ztrade");
            Set<Flow> allowed = NetworkFlows.allowed(rules.all(NetworkPolicy.class), endpoints, Set.of());
            Set<Flow> expected = expected(endpoints);
            Set<Flow> extra = new TreeSet<>(allowed);
            extra.removeAll(expected);
            Set<Flow> missing = new TreeSet<>(expected);
            missing.removeAll(allowed);
            assertThat(extra).as("flows the policies allow that the design has not").isEmpty();
            assertThat(missing).as("flows of the design the policies block").isEmpty();
        }));
    }

    @Test
    void everyPolicyNamesItsPortsByNumber() {
        for (Path o : Repository.overlays()) {
            for (NetworkPolicy p : Rendered.rules(o).all(NetworkPolicy.class)) {
                List<Object> ports = new ArrayList<>();
                p.getSpec().getIngress().forEach(r -> ports.addAll(r.getPorts() == null ? List.of() : r.getPorts()));
                p.getSpec().getEgress().forEach(r -> ports.addAll(r.getPorts() == null ? List.of() : r.getPorts()));
                assertThat(ports).as(p.getMetadata().getName())
                        .allMatch(x -> NetworkFlows.number(((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort) x).getPort()) > 0);
            }
        }
    }

    @Test
    void aPolicyThatOpensTooMuchIsCaught() {
        Path prod = Repository.ROOT.resolve("deploy/overlays/prod");
        Rules rules = Rendered.rules(prod);
        List<NetworkPolicy> policies = new ArrayList<>(rules.all(NetworkPolicy.class));
        policies.add((NetworkPolicy) StrictManifests.parse("allow-all", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-redis-from-anywhere, namespace: ztrade}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: redis}}
                  ingress:
                    - {}
                """).get(0).model());
        List<Endpoint> endpoints = NetworkFlows.endpoints(rules, "ztrade");
        Set<Flow> extra = NetworkFlows.allowed(policies, endpoints, Set.of());
        extra.removeAll(expected(endpoints));
        assertThat(extra).contains(new Flow("default", "redis", "TCP", 6379), new Flow("monitoring", "redis", "TCP", 6379))
                .as("the orderbook's own egress policy still stops it").doesNotContain(new Flow("orderbook", "redis", "TCP", 6379));
    }

    @Test
    void aMissingDefaultDenyOpensTheNamespace() {
        Rules rules = Rendered.rules(Repository.ROOT.resolve("deploy/overlays/prod"));
        List<NetworkPolicy> policies = rules.all(NetworkPolicy.class).stream()
                .filter(p -> !p.getMetadata().getName().equals("default-deny")).toList();
        List<Endpoint> endpoints = NetworkFlows.endpoints(rules, "ztrade");
        // without default-deny the orderbook still has its own policy, but the Kubernetes API's
        // default for pods no policy selects is "open": a made-up unselected pod shows it
        List<Endpoint> withStranger = new ArrayList<>(endpoints);
        withStranger.add(new Endpoint("stranger", "ztrade", java.util.Map.of("app", "stranger"), null));
        Set<Flow> allowed = NetworkFlows.allowed(policies, withStranger, Set.of());
        assertThat(allowed).contains(new Flow("default", "stranger", "TCP", 8080));
        Set<Flow> denied = NetworkFlows.allowed(rules.all(NetworkPolicy.class), withStranger, Set.of());
        assertThat(denied).noneMatch(f -> f.to().equals("stranger"));
    }
}
