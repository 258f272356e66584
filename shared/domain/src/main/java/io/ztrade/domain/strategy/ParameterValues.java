package io.ztrade.domain.strategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Decoded parameters of one strategy, defaults filled in; each value type-checked against its spec. */
final class ParameterValues {

    private final Map<String, Number> values = new LinkedHashMap<>();

    /**
     * @param raw decoded JSON parameters; {@code null} or empty means all defaults
     * @throws InvalidParameterException naming the first unknown parameter (alphabetically) or the
     *     first parameter (in documented order) with a wrong type or range
     */
    ParameterValues(StrategyDescriptor descriptor, Map<String, ?> raw) {
        if (raw != null && !raw.isEmpty()) {
            TreeSet<String> unknown = new TreeSet<>();
            for (String name : raw.keySet()) {
                if (name == null || descriptor.parameter(name) == null) {
                    unknown.add(String.valueOf(name));
                }
            }
            if (!unknown.isEmpty()) {
                String name = unknown.first();
                throw new InvalidParameterException(name, "unknown parameter of " + descriptor.id() + ", expected "
                        + (descriptor.parameters().isEmpty() ? "none" : names(descriptor)));
            }
        }
        for (ParameterSpec spec : descriptor.parameters()) {
            if (raw != null && raw.containsKey(spec.name())) {
                values.put(spec.name(), spec.parse(raw.get(spec.name())));
            } else {
                values.put(spec.name(), spec.defaultValue());
            }
        }
    }

    int intValue(String name) {
        return values.get(name).intValue();
    }

    double decimal(String name) {
        return values.get(name).doubleValue();
    }

    private static String names(StrategyDescriptor d) {
        StringBuilder sb = new StringBuilder();
        for (ParameterSpec p : d.parameters()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p.name());
        }
        return sb.toString();
    }
}
