package io.ztrade.events.payload;

/**
 * Data of {@code io.ztrade.agent.command.rejected}: the trading loop refused a well-formed command
 * (invalid agent YAML, unknown agent, a transition the agent's status does not allow); nothing was stored.
 *
 * @param command the refused command
 * @param agentId the agent, when known
 * @param file    the YAML file of an {@code IMPORT}
 * @param field   the offending field (a YAML path such as {@code risk.stopLoss}), or {@code agentId}/{@code command}
 * @param reason  a sentence naming the file and field
 */
public record AgentCommandRejected(String command, String agentId, String file, String field, String reason) {}
