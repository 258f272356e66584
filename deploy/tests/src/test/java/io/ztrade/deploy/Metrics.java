package io.ztrade.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus metric names the code exports, read from its Micrometer meter definitions
 * ({@code Counter.builder("a.b")}, {@code Timer.builder}, {@code Gauge.builder},
 * {@code DistributionSummary.builder}) in every module's {@code src/main/java}, named as
 * Micrometer's Prometheus registry names them; and the metric names a PromQL expression uses.
 */
final class Metrics {

    private static final Pattern METER = Pattern.compile(
            "\\b(Counter|Timer|Gauge|MultiGauge|DistributionSummary|LongTaskTimer|FunctionCounter)\\s*\\.\\s*builder\\(\\s*\"([a-z0-9_.]+)\"");
    /** {@code registry.counter("a.b", ...)} and the like, and a class's own {@code gauge("a.b", ...)} helper. */
    private static final Pattern SHORTHAND = Pattern.compile(
            "(?:\\.|\\b)(counter|timer|summary|gauge)\\(\\s*\"([a-z0-9_]+\\.[a-z0-9_.]+)\"");
    /** Families other components export: Prometheus, CloudNativePG, the Kafka JMX rules of infra/kafka, JVM and HTTP built-ins of Quarkus. */
    static final List<String> EXTERNAL_PREFIXES = List.of("cnpg_", "kafka_server_", "kafka_controller_", "jvm_", "process_",
            "http_server_requests_seconds", "system_");
    static final Set<String> EXTERNAL = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "and", "or", "unless", "inf", "nan", "le");

    private Metrics() {}

    /** Every series name the code's meters produce. */
    static Set<String> exported() {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repository.ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList()) {
                String source = Files.readString(f);
                Matcher s = SHORTHAND.matcher(source);
                while (s.find()) {
                    add(out, switch (s.group(1)) {
                        case "counter" -> "Counter";
                        case "timer" -> "Timer";
                        case "summary" -> "DistributionSummary";
                        default -> "Gauge";
                    }, s.group(2));
                }
                Matcher m = METER.matcher(source);
                while (m.find()) {
                    add(out, m.group(1), m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The series names Micrometer's Prometheus registry gives a meter of {@code type} named {@code name}. */
    private static void add(Set<String> out, String type, String name) {
        String base = name.replace('.', '_');
        switch (type) {
            case "Counter", "FunctionCounter" -> out.add(base + "_total");
            case "Timer", "LongTaskTimer" -> {
                for (String s : List.of("_seconds", "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket",
                        "_seconds_active_count", "_seconds_duration_sum")) {
                    out.add(base + s);
                }
            }
            case "DistributionSummary" -> {
                for (String unit : List.of("", "_bytes")) {
                    for (String s : List.of("", "_count", "_sum", "_max", "_bucket")) {
                        out.add(base + unit + s);
                    }
                }
            }
            default -> out.add(base);
        }
    }

    static boolean isExported(String metric, Set<String> exported) {
        return exported.contains(metric) || EXTERNAL.contains(metric) || EXTERNAL_PREFIXES.stream().anyMatch(metric::startsWith);
    }

    /** The metric names in a PromQL expression (label names, functions, keywords, durations and strings left out). */
    static Set<String> referenced(String promql) {
        String s = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
        while (m.find()) {
            String word = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean call = next < s.length() && s.charAt(next) == '(';
            boolean inTemplate = m.start() > 0 && s.charAt(m.start() - 1) == '$';
            if (!call && !inTemplate && !PROMQL_WORDS.contains(word.toLowerCase())) {
                out.add(word);
            }
        }
        return out;
    }
}
