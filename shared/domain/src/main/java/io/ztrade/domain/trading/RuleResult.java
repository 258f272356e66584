package io.ztrade.domain.trading;

import java.util.Objects;

/**
 * One rule's verdict on one proposed order.
 *
 * @param rule       the rule's name, e.g. {@code daily-trade-limit}
 * @param passed     whether the order may go
 * @param detail     the numbers behind the verdict, for the signal event and the audit log
 * @param haltsAgent whether the agent must be halted ({@link AgentTransition#HALT})
 */
public record RuleResult(String rule, boolean passed, String detail, boolean haltsAgent) {

    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    public static RuleResult pass(String rule, String detail) {
        return new RuleResult(rule, true, detail, false);
    }

    public static RuleResult refuse(String rule, String detail) {
        return new RuleResult(rule, false, detail, false);
    }
}
