package io.ztrade.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the NetworkPolicies of a rendered set of manifests let through, computed the way the
 * Kubernetes NetworkPolicy API defines it: a pod selected by no policy of a direction is open in
 * that direction; a selected pod accepts only what one of its policies' rules allows; a connection
 * needs the source's egress and the destination's ingress. {@code ipBlock}s are taken to match
 * addresses outside the cluster only (what the API documents them for).
 *
 * <p>The endpoints are the pods the manifests create (one per workload, one Kafka node, one
 * PostgreSQL instance, labelled as Strimzi and CloudNativePG label them), the namespaces of the
 * platform's neighbours, and two addresses outside the cluster (the internet and the API server's).
 */
final class NetworkFlows {

    /** Something that sends or receives: a pod (labels, namespace) or an address outside the cluster. */
    record Endpoint(String name, String namespace, Map<String, String> labels, String ip) {
        boolean isPod() {
            return ip == null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One allowed connection. */
    record Flow(String from, String to, String protocol, int port) implements Comparable<Flow> {
        @Override
        public int compareTo(Flow o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return from + " -> " + to + " " + port + (protocol.equals("TCP") ? "" : "/" + protocol);
        }
    }

    /** The neighbours' namespaces (their pods' labels do not matter to any policy here). */
    static final List<String> NEIGHBOURS = List.of("knative-serving", "kourier-system", "knative-eventing", "monitoring",
            "strimzi", "cnpg-system", "default");
    static final Endpoint DNS = new Endpoint("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), null);
    static final Endpoint INTERNET = new Endpoint("internet", null, Map.of(), "203.0.113.7");
    static final Endpoint API_SERVER = new Endpoint("api-server", null, Map.of(), "10.96.0.1");
    /** Ports probed: every port a policy or container names, and the well-known ones of the platform's neighbours. */
    static final Set<Integer> WELL_KNOWN = Set.of(53, 80, 443, 4317, 5432, 6379, 6443, 8000, 8012, 8013, 8022, 8080, 9090, 9091, 9092, 9187, 9404);

    private NetworkFlows() {}

    static List<Endpoint> endpoints(Rules rules, String namespace) {
        List<Endpoint> out = new ArrayList<>();
        for (Workload w : Workload.of(rulesResources(rules))) {
            Map<String, String> labels = new HashMap<>(w.labels());
            out.add(new Endpoint(w.owner().getMetadata().getName(), w.owner().getMetadata().getNamespace(), labels, null));
        }
        for (Kafka k : rules.all(Kafka.class)) {
            out.add(new Endpoint("kafka", k.getMetadata().getNamespace(), Map.of("strimzi.io/cluster", k.getMetadata().getName(),
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", k.getMetadata().getName() + "-kafka"), null));
        }
        for (var r : rulesResources(rules)) {
            if (r.kind().equals("Cluster") && r.model().getApiVersion().startsWith("postgresql.cnpg.io/")) {
                out.add(new Endpoint("postgres", r.namespace(), Map.of("cnpg.io/cluster", r.name(), "cnpg.io/podRole", "instance"), null));
            }
        }
        for (String ns : NEIGHBOURS) {
            out.add(new Endpoint(ns, ns, Map.of(), null));
        }
        out.add(DNS);
        out.add(INTERNET);
        out.add(API_SERVER);
        return out;
    }

    private static List<StrictManifests.Resource> rulesResources(Rules rules) {
        return rules.resources();
    }

    /** Every connection the policies allow between the endpoints, on the probed ports. */
    static Set<Flow> allowed(List<NetworkPolicy> policies, List<Endpoint> endpoints, Set<Integer> extraPorts) {
        Set<Integer> ports = new TreeSet<>(WELL_KNOWN);
        ports.addAll(extraPorts);
        for (NetworkPolicy p : policies) {
            for (var r : list(p.getSpec().getIngress())) {
                list(r.getPorts()).forEach(x -> ports.add(number(x.getPort())));
            }
            for (var r : list(p.getSpec().getEgress())) {
                list(r.getPorts()).forEach(x -> ports.add(number(x.getPort())));
            }
        }
        ports.remove(-1);
        Set<Flow> out = new TreeSet<>();
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                if (!isOurs(from, policies) && !isOurs(to, policies)) {
                    continue;
                }
                for (int port : ports) {
                    for (String protocol : port == 53 ? List.of("UDP", "TCP") : List.of("TCP")) {
                        if (egress(policies, from, to, protocol, port) && ingress(policies, from, to, protocol, port)) {
                            out.add(new Flow(from.name(), to.name(), protocol, port));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** An endpoint in a namespace the policies govern. */
    private static boolean isOurs(Endpoint e, List<NetworkPolicy> policies) {
        return e.isPod() && policies.stream().anyMatch(p -> p.getMetadata().getNamespace().equals(e.namespace()));
    }

    private static boolean egress(List<NetworkPolicy> policies, Endpoint from, Endpoint to, String protocol, int port) {
        return admits(policies, from, to, protocol, port, "Egress");
    }

    private static boolean ingress(List<NetworkPolicy> policies, Endpoint from, Endpoint to, String protocol, int port) {
        return admits(policies, to, from, protocol, port, "Ingress");
    }

    /**
     * Whether the policies selecting {@code pod} for {@code direction} let it talk to {@code peer}:
     * open when none selects it, else when one of their rules matches peer and port.
     */
    private static boolean admits(List<NetworkPolicy> policies, Endpoint pod, Endpoint peer, String protocol, int port, String direction) {
        if (!pod.isPod()) {
            return true;
        }
        List<NetworkPolicy> selecting = policies.stream().filter(p -> selects(p, pod) && types(p).contains(direction)).toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy p : selecting) {
            if (direction.equals("Egress")) {
                for (var rule : list(p.getSpec().getEgress())) {
                    if (peers(rule.getTo(), p, peer) && ports(rule.getPorts(), protocol, port)) {
                        return true;
                    }
                }
            } else {
                for (var rule : list(p.getSpec().getIngress())) {
                    if (peers(rule.getFrom(), p, peer) && ports(rule.getPorts(), protocol, port)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Set<String> types(NetworkPolicy p) {
        List<String> t = p.getSpec().getPolicyTypes();
        if (t != null && !t.isEmpty()) {
            return Set.copyOf(t);
        }
        return p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty() ? Set.of("Ingress") : Set.of("Ingress", "Egress");
    }

    private static boolean selects(NetworkPolicy p, Endpoint e) {
        return e.isPod() && Objects.equals(p.getMetadata().getNamespace(), e.namespace()) && matches(p.getSpec().getPodSelector(), e.labels());
    }

    /** An empty peer list allows every peer. */
    private static boolean peers(List<NetworkPolicyPeer> peers, NetworkPolicy p, Endpoint e) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (!e.isPod() && inBlock(e.ip(), peer.getIpBlock().getCidr(), list(peer.getIpBlock().getExcept()))) {
                    return true;
                }
                continue;
            }
            if (!e.isPod()) {
                continue;
            }
            boolean nsOk = peer.getNamespaceSelector() == null
                    ? Objects.equals(e.namespace(), p.getMetadata().getNamespace())
                    : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", e.namespace()));
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), e.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean ports(List<NetworkPolicyPort> ports, String protocol, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            int from = number(p.getPort());
            int to = p.getEndPort() == null ? from : p.getEndPort();
            if (port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }

    /** Ports are numbers here (a named port depends on the receiving pod; Rules refuses them). */
    static int number(IntOrString port) {
        return port == null || port.getIntVal() == null ? -1 : port.getIntVal();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement r : list(selector.getMatchExpressions())) {
            String v = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> v != null && r.getValues().contains(v);
                case "NotIn" -> v == null || !r.getValues().contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inBlock(String ip, String cidr, List<String> except) {
        if (!inCidr(ip, cidr)) {
            return false;
        }
        return except.stream().noneMatch(x -> inCidr(ip, x));
    }

    private static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] a = InetAddress.getByName(ip).getAddress();
            byte[] n = InetAddress.getByName(parts[0]).getAddress();
            if (a.length != n.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            BigInteger mask = bits == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(a.length * 8).subtract(BigInteger.ONE).shiftRight(bits).not()
                            .and(BigInteger.ONE.shiftLeft(a.length * 8).subtract(BigInteger.ONE));
            return new BigInteger(1, a).and(mask).equals(new BigInteger(1, n).and(mask));
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("not a CIDR: " + cidr, e);
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
