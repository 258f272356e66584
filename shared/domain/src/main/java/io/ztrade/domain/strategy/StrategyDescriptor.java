package io.ztrade.domain.strategy;

import java.util.List;
import java.util.Objects;

/**
 * What a strategy is called, what it does and which parameters it takes, for docs, listings and
 * parameter sweeps.
 *
 * @param id          the id users name, e.g. {@code sma-crossover}
 * @param description one paragraph: the rule it trades
 * @param parameters  its parameters in their documented order
 */
public record StrategyDescriptor(String id, String description, List<ParameterSpec> parameters) {

    public StrategyDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
    }

    /** The parameter called {@code name}, or {@code null}. */
    public ParameterSpec parameter(String name) {
        for (ParameterSpec p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
