package io.ztrade.domain.trading;

/** One risk rule. Implementations are immutable and thread-safe. */
public interface RiskRule {

    /** The rule's name as it appears in results, events and the audit log. */
    String name();

    RuleResult check(RiskContext context, ProposedOrder order);
}
