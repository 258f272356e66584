package io.ztrade.domain.trading;

/**
 * The lifecycle of a trading agent. Only a {@link #RUNNING} agent decides and orders.
 *
 * <pre>
 *   STOPPED --start--> RUNNING --pause--> PAUSED --resume--> RUNNING
 *   RUNNING/PAUSED/ERROR --stop--> STOPPED
 *   RUNNING/PAUSED --halt--> ERROR (a halting risk rule, the kill switch, a failure)
 *   ERROR --start--> RUNNING (an operator restarts a halted agent)
 * </pre>
 *
 * A transition to the state the agent is already in is allowed and changes nothing (a repeated
 * command is harmless); halting a STOPPED agent leaves it STOPPED.
 */
public enum AgentStatus {
    STOPPED,
    RUNNING,
    PAUSED,
    ERROR;

    /** Whether {@code transition} is allowed from this status. */
    public boolean allows(AgentTransition transition) {
        return switch (transition) {
            case START -> this != PAUSED;
            case STOP -> true;
            case PAUSE -> this == RUNNING || this == PAUSED;
            case RESUME -> this == PAUSED || this == RUNNING;
            case HALT -> true;
        };
    }

    /**
     * The status after {@code transition}.
     *
     * @throws IllegalStateException naming both when the transition is not allowed from this status
     */
    public AgentStatus after(AgentTransition transition) {
        if (!allows(transition)) {
            throw new IllegalStateException("cannot " + transition.name().toLowerCase() + " an agent that is " + this
                    + (this == PAUSED && transition == AgentTransition.START ? " (resume it)" : ""));
        }
        return switch (transition) {
            case START, RESUME -> RUNNING;
            case STOP -> STOPPED;
            case PAUSE -> PAUSED;
            case HALT -> this == STOPPED ? STOPPED : ERROR;
        };
    }
}
