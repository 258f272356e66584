package io.ztrade.domain.trading;

/** A change of an agent's {@link AgentStatus}. */
public enum AgentTransition {
    START,
    STOP,
    PAUSE,
    RESUME,
    /** A halting risk rule, the kill switch or a failure stops the agent in {@link AgentStatus#ERROR}. */
    HALT
}
