package io.ztrade.dev.emulator.filter;

import io.cloudevents.CloudEvent;
import io.cloudevents.sql.Expression;
import io.cloudevents.sql.ParseException;
import io.cloudevents.sql.Parser;
import io.cloudevents.sql.Result;
import io.fabric8.knative.eventing.v1.SubscriptionsAPIFilter;
import io.fabric8.knative.eventing.v1.TriggerFilter;
import io.fabric8.knative.eventing.v1.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Compiles a Trigger's {@code spec.filter} and {@code spec.filters} into an {@link EventFilter},
 * with the semantics of Knative Eventing:
 *
 * <ul>
 *   <li>{@code filter.attributes}: every listed attribute equals its value; the value {@code ""}
 *       matches any value. Spec attributes always exist (an unset one is {@code ""}); an extension
 *       must be present. No attributes: every event passes.
 *   <li>{@code filters}: every expression of the list must hold (an empty list passes), and when
 *       present it replaces {@code filter}. Dialects: {@code exact}, {@code prefix}, {@code suffix}
 *       (every listed attribute present and matching, case-sensitive), {@code all}, {@code any},
 *       {@code not}, and {@code cesql} (CloudEvents SQL, evaluated with the CloudEvents SDK; an
 *       expression that fails to evaluate, or is not true, does not pass).
 * </ul>
 *
 * Malformed filters (two dialects in one expression, an empty attribute name or value, CESQL that
 * does not parse) are rejected with an {@link InvalidFilterException} naming the field, as the
 * Knative webhook would reject the Trigger.
 */
public final class Filters {

    private static final Set<String> SPEC_ATTRIBUTES =
            Set.of("specversion", "id", "source", "type", "datacontenttype", "dataschema", "subject", "time");

    private Filters() {}

    /** The filter of a Trigger. */
    public static EventFilter compile(TriggerSpec spec) {
        if (spec.getFilters() != null && !spec.getFilters().isEmpty()) {
            return all("spec.filters", spec.getFilters());
        }
        return attributes(spec.getFilter());
    }

    /** The legacy {@code spec.filter} (attributes, exact match, {@code ""} = any). */
    public static EventFilter attributes(TriggerFilter filter) {
        if (filter == null || filter.getAttributes() == null || filter.getAttributes().isEmpty()) {
            return EventFilter.ANY;
        }
        Map<String, String> wanted = new TreeMap<>();
        for (Map.Entry<String, String> e : filter.getAttributes().entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new InvalidFilterException("spec.filter.attributes", "attribute names must not be empty");
            }
            if (e.getValue() == null) {
                throw new InvalidFilterException("spec.filter.attributes." + e.getKey(),
                        "the value must be a string (\"\" matches any value)");
            }
            wanted.put(e.getKey(), e.getValue());
        }
        return new Described(event -> {
            for (Map.Entry<String, String> e : wanted.entrySet()) {
                String value = Attributes.get(event, e.getKey());
                if (value == null && SPEC_ATTRIBUTES.contains(e.getKey())) {
                    value = "";
                }
                if (value == null) {
                    return false;
                }
                if (!e.getValue().isEmpty() && !e.getValue().equals(value)) {
                    return false;
                }
            }
            return true;
        }, "attributes" + describe(wanted));
    }

    /** One {@code spec.filters} expression. */
    public static EventFilter expression(String path, SubscriptionsAPIFilter f) {
        if (f == null) {
            throw new InvalidFilterException(path, "an expression must not be null");
        }
        List<EventFilter> dialects = new ArrayList<>();
        if (f.getExact() != null && !f.getExact().isEmpty()) {
            dialects.add(match(path + ".exact", "exact", f.getExact(), String::equals));
        }
        if (f.getPrefix() != null && !f.getPrefix().isEmpty()) {
            dialects.add(match(path + ".prefix", "prefix", f.getPrefix(), String::startsWith));
        }
        if (f.getSuffix() != null && !f.getSuffix().isEmpty()) {
            dialects.add(match(path + ".suffix", "suffix", f.getSuffix(), String::endsWith));
        }
        if (f.getAll() != null && !f.getAll().isEmpty()) {
            dialects.add(all(path + ".all", f.getAll()));
        }
        if (f.getAny() != null && !f.getAny().isEmpty()) {
            dialects.add(any(path + ".any", f.getAny()));
        }
        if (f.getNot() != null) {
            EventFilter inner = expression(path + ".not", f.getNot());
            dialects.add(new Described(event -> !inner.test(event), "not(" + inner + ")"));
        }
        if (f.getCesql() != null && !f.getCesql().isBlank()) {
            dialects.add(cesql(path + ".cesql", f.getCesql()));
        }
        if (dialects.size() > 1) {
            throw new InvalidFilterException(path, "an expression must use exactly one dialect, found " + dialects.size());
        }
        return dialects.isEmpty() ? EventFilter.ANY : dialects.get(0);
    }

    private static EventFilter all(String path, List<SubscriptionsAPIFilter> filters) {
        List<EventFilter> compiled = compileEach(path, filters);
        if (compiled.size() == 1) {
            return compiled.get(0);
        }
        return new Described(event -> compiled.stream().allMatch(f -> f.test(event)),
                "all(" + compiled.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")");
    }

    private static EventFilter any(String path, List<SubscriptionsAPIFilter> filters) {
        List<EventFilter> compiled = compileEach(path, filters);
        return new Described(event -> compiled.stream().anyMatch(f -> f.test(event)),
                "any(" + compiled.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")");
    }

    private static List<EventFilter> compileEach(String path, List<SubscriptionsAPIFilter> filters) {
        List<EventFilter> compiled = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            compiled.add(expression(path + "[" + i + "]", filters.get(i)));
        }
        return compiled;
    }

    private static EventFilter match(String path, String dialect, Map<String, String> attributes,
            BiPredicate<String, String> predicate) {
        Map<String, String> wanted = new TreeMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new InvalidFilterException(path, "attribute names must not be empty");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidFilterException(path + "." + e.getKey(), "the value must not be empty");
            }
            wanted.put(e.getKey(), e.getValue());
        }
        return new Described(event -> {
            for (Map.Entry<String, String> e : wanted.entrySet()) {
                String value = Attributes.get(event, e.getKey());
                if (value == null || !predicate.test(value, e.getValue())) {
                    return false;
                }
            }
            return true;
        }, dialect + describe(wanted));
    }

    /** A CESQL expression, parsed once; see the class comment for how results are read. */
    public static EventFilter cesql(String path, String source) {
        Expression expression;
        try {
            expression = Parser.parseDefault(source);
        } catch (ParseException e) {
            throw new InvalidFilterException(path, "CESQL does not parse: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // cloudevents-sql 4.0.1 fails with a NullPointerException on some syntax errors
            throw new InvalidFilterException(path, "CESQL does not parse: '" + source + "'", e);
        }
        return new Described(event -> {
            Result result = expression.evaluate(event);
            if (result.isFailed()) {
                return false;
            }
            Object value = result.value();
            return value instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(value));
        }, "cesql(" + source + ")");
    }

    private static String describe(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().isEmpty() ? "*" : e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A filter with a readable description for the status page. */
    private record Described(EventFilter filter, String description) implements EventFilter {
        @Override
        public boolean test(CloudEvent event) {
            return filter.test(event);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
