package io.ztrade.events.payload;

/**
 * Data of {@code io.ztrade.agent.changed}: an agent was imported or changed status (reply of the
 * trading loop to {@code agent.command}, or emitted when a risk rule halts an agent). For the kill
 * switch {@code agentId} is absent and {@code status} is {@code KILL_SWITCH_ON} or {@code KILL_SWITCH_OFF}.
 *
 * @param agentId the agent (absent for the kill switch)
 * @param status  {@code STOPPED}, {@code RUNNING}, {@code PAUSED}, {@code ERROR}, or the kill switch's state
 * @param reason  why: the command, or the halting rule and its detail
 */
public record AgentChanged(String agentId, String status, String reason) {}
