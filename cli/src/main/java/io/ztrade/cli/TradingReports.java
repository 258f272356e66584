package io.ztrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ztrade positions|pnl|risk|orders}: the emulator's {@code /api/trading/*} as tables. Money
 * is printed exactly as the API reports it (decimal strings), ratios as percentages.
 */
final class TradingReports {

    private TradingReports() {}

    @Command(name = "positions", mixinStandardHelpOptions = true, description = "Open positions with their unrealised P&L at the newest price.")
    static final class Positions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            JsonNode positions = require(connection.client().get("/api/trading/positions"), "/api/trading/positions");
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(PlatformClient.pretty(positions));
            } else if (positions.isEmpty()) {
                out.println("no open positions");
            } else {
                Table t = new Table("agent", "symbol", "quantity", "avg price", "mark", "value", "unrealised");
                for (JsonNode p : positions) {
                    t.row(p.path("agentId").asText(), p.path("symbol").asText(), text(p.path("quantity")), money(p.path("averagePrice")),
                            money(p.path("markPrice")), money(p.path("marketValue")), money(p.path("unrealisedPnl")));
                }
                out.print(t.render());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "pnl", mixinStandardHelpOptions = true, description = "Realised and unrealised P&L, commissions and return per agent, and their total.")
    static final class Pnl implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--agent", paramLabel = "ID", description = "Only this agent.")
        String agent;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            String path = "/api/trading/pnl" + agentQuery(spec, agent, "?");
            JsonNode pnl = connection.client().get(path);
            if (pnl == null) {
                throw unknown(agent);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(PlatformClient.pretty(pnl));
                out.flush();
                return 0;
            }
            Table t = new Table("agent", "capital", "equity", "realised", "unrealised", "commissions", "P&L", "return");
            for (JsonNode a : pnl.path("agents")) {
                row(t, a.path("agentId").asText(), a);
            }
            if (agent == null) {
                row(t, "total", pnl.path("total"));
            }
            out.print(t.render());
            out.flush();
            return 0;
        }

        private static void row(Table t, String name, JsonNode a) {
            t.row(name, money(a.path("capital")), money(a.path("equity")), money(a.path("realisedPnl")), money(a.path("unrealisedPnl")),
                    money(a.path("commissions")), money(a.path("totalPnl")), percent(a.path("totalReturn")));
        }
    }

    @Command(name = "risk", mixinStandardHelpOptions = true,
            description = "The kill switch, capital deployed and open positions against their limits, each agent's trades, daily loss and drawdown against its limits, and the halted agents.")
    static final class Risk implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            JsonNode risk = require(connection.client().get("/api/trading/risk"), "/api/trading/risk");
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(PlatformClient.pretty(risk));
                out.flush();
                return 0;
            }
            out.print(render(risk));
            out.flush();
            return 0;
        }

        static String render(JsonNode risk) {
            StringBuilder sb = new StringBuilder();
            JsonNode ks = risk.path("killSwitch");
            sb.append("kill switch: ").append(ks.path("engaged").asBoolean() ? "ENGAGED" : "off");
            if (ks.path("engaged").asBoolean()) {
                sb.append(ks.hasNonNull("reason") ? " (" + ks.get("reason").asText() + ")" : "");
                sb.append(ks.hasNonNull("changedAt") ? " since " + JobsCommand.time(ks.get("changedAt")) : "");
            }
            sb.append(System.lineSeparator());
            JsonNode p = risk.path("portfolio");
            sb.append("deployed ").append(money(p.path("deployed"))).append(" of ").append(money(p.path("totalCapital"))).append(" (")
                    .append(percent(p.path("deployedShare"))).append(", limit ").append(percent(p.path("maxDeployedShare")))
                    .append("), open positions ").append(p.path("openPositions").asInt()).append(" of ")
                    .append(p.path("maxOpenPositions").asInt()).append(System.lineSeparator());
            List<String> halted = new ArrayList<>();
            risk.path("halted").forEach(h -> halted.add(h.asText()));
            sb.append("halted: ").append(halted.isEmpty() ? "none" : String.join(", ", halted)).append(System.lineSeparator());
            if (!risk.path("agents").isEmpty()) {
                sb.append(System.lineSeparator());
                Table t = new Table("agent", "status", "trades", "max", "daily loss", "limit", "drawdown", "max dd", "limits reached");
                for (JsonNode a : risk.path("agents")) {
                    List<String> breaches = new ArrayList<>();
                    a.path("breaches").forEach(b -> breaches.add(b.asText()));
                    t.row(a.path("agentId").asText(), a.path("status").asText() + (a.path("halted").asBoolean() ? " (halted)" : ""),
                            a.path("dailyTrades").asInt(), a.hasNonNull("maxDailyTrades") ? a.get("maxDailyTrades").asText() : null,
                            percent(a.path("dailyLossShare")), percent(a.path("dailyLossLimit")), percent(a.path("drawdown")),
                            percent(a.path("maxDrawdown")), breaches.isEmpty() ? null : String.join(", ", breaches));
                }
                sb.append(t.render());
            }
            return sb.toString();
        }
    }

    @Command(name = "orders", mixinStandardHelpOptions = true, description = "Recent orders, newest first, with their fills.")
    static final class Orders implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's orders.")
        String agent;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most this many. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            checkLimit(spec, limit);
            JsonNode orders = connection.client().get("/api/trading/orders?limit=" + limit + agentQuery(spec, agent, "&"));
            if (orders == null) {
                throw unknown(agent);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(PlatformClient.pretty(orders));
            } else if (orders.isEmpty()) {
                out.println(agent == null ? "no orders yet" : "no orders of " + agent + " yet");
            } else {
                out.print(orderTable(orders));
            }
            out.flush();
            return 0;
        }
    }

    /** Orders, each followed by its fills (indented). */
    static String orderTable(JsonNode orders) {
        Table t = new Table("created", "agent", "order", "side", "quantity", "price", "filled", "status", "fills");
        for (JsonNode o : orders) {
            List<String> fills = new ArrayList<>();
            for (JsonNode f : o.path("fills")) {
                fills.add(f.path("quantity").asText() + " @ " + money(f.path("price")) + " (commission " + money(f.path("commission")) + ")");
            }
            t.row(JobsCommand.time(o.path("createdAt")), o.path("agentId").asText(), o.path("clientOrderId").asText(), o.path("side").asText(),
                    text(o.path("quantity")), o.hasNonNull("price") ? money(o.get("price")) : "market", text(o.path("filledQuantity")),
                    o.path("status").asText() + (o.hasNonNull("reason") ? ": " + o.get("reason").asText() : ""),
                    fills.isEmpty() ? null : String.join("; ", fills));
        }
        return t.render();
    }

    /** {@code ztrade agents show}: the agent, its position, its equity, recent signals with their reasoning, orders. */
    static String detail(JsonNode d) {
        String nl = System.lineSeparator();
        JsonNode a = d.path("agent");
        StringBuilder sb = new StringBuilder();
        sb.append(a.path("id").asText()).append(": ").append(a.path("status").asText())
                .append(a.hasNonNull("statusReason") ? " (" + a.get("statusReason").asText() + ")" : "")
                .append(a.path("dryRun").asBoolean() ? ", dry run" : "").append(nl);
        sb.append("  ").append(a.path("symbol").asText()).append(' ').append(a.path("timeframe").asText()).append(", ")
                .append(a.path("kind").asText().equals("MARKET_MAKER") ? "market maker" : a.path("strategy").asText())
                .append(" ").append(d.path("params").isMissingNode() || d.path("params").isNull() ? "" : d.path("params").toString())
                .append(d.hasNonNull("sourceFile") ? ", from " + d.get("sourceFile").asText() : "").append(nl);
        sb.append("  settings ").append(d.path("settings").isObject() ? d.path("settings").toString() : "-").append(nl);
        sb.append("  capital ").append(money(a.path("capital"))).append(", cash ").append(money(a.path("cash"))).append(", equity ")
                .append(money(a.path("equity"))).append(", P&L ").append(money(a.path("totalPnl"))).append(" (realised ")
                .append(money(a.path("realisedPnl"))).append(", unrealised ").append(money(a.path("unrealisedPnl"))).append("), drawdown ")
                .append(percent(a.path("drawdown"))).append(", trades today ").append(a.path("dailyTrades").asInt()).append(nl);
        JsonNode p = d.path("position");
        sb.append("  position ").append(p.isObject()
                ? text(p.path("quantity")) + " " + p.path("symbol").asText() + " @ " + money(p.path("averagePrice")) + ", mark "
                        + money(p.path("markPrice")) + ", value " + money(p.path("marketValue")) + ", unrealised " + money(p.path("unrealisedPnl"))
                : "none").append(nl);
        JsonNode equity = d.path("equity");
        if (!equity.isEmpty()) {
            JsonNode last = equity.get(equity.size() - 1);
            sb.append("  equity curve ").append(equity.size()).append(" points, last ").append(money(last.path("equity"))).append(" at ")
                    .append(JobsCommand.time(last.path("at"))).append(nl);
        }
        sb.append(nl).append("signals (newest first):").append(nl);
        if (d.path("signals").isEmpty()) {
            sb.append("  none").append(nl);
        }
        for (JsonNode s : d.path("signals")) {
            sb.append("  ").append(JobsCommand.time(s.hasNonNull("barTime") ? s.get("barTime") : s.path("at"))).append("  ")
                    .append(s.path("action").asText()).append("  ")
                    .append(s.path("taken").asBoolean() ? "taken" : s.hasNonNull("rule") ? "refused by " + s.get("rule").asText() : "no order")
                    .append(nl);
            JsonNode r = s.path("detail");
            List<String> facts = new ArrayList<>();
            for (String k : List.of("reason", "confidence", "sentiment", "quantity", "price", "limitPrice", "detail")) {
                if (r.hasNonNull(k)) {
                    facts.add(k + " " + r.get(k).asText());
                }
            }
            if (!facts.isEmpty()) {
                sb.append("      ").append(String.join(", ", facts)).append(nl);
            }
            if (r.path("indicators").isObject() && !r.path("indicators").isEmpty()) {
                List<String> ind = new ArrayList<>();
                for (Map.Entry<String, JsonNode> e : r.path("indicators").properties()) {
                    ind.add(e.getKey() + " " + e.getValue().asText());
                }
                sb.append("      ").append(String.join(", ", ind)).append(nl);
            }
            for (JsonNode rule : r.path("rules")) {
                sb.append("      ").append(rule.path("passed").asBoolean() ? "ok  " : "FAIL").append(' ').append(rule.path("rule").asText())
                        .append(rule.hasNonNull("detail") ? ": " + rule.get("detail").asText() : "").append(nl);
            }
        }
        sb.append(nl).append("orders (newest first):").append(nl);
        sb.append(d.path("orders").isEmpty() ? "  none" + nl : orderTable(d.path("orders")));
        return sb.toString();
    }

    static JsonNode require(JsonNode answer, String path) {
        if (answer == null) {
            throw new CliException(CliException.FAILED, "the platform has no " + path + ": is it older than this command line?");
        }
        return answer;
    }

    /** The API answers at most 1,000 rows: {@code --limit} outside 1..1000 is a usage error. */
    static void checkLimit(CommandSpec spec, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 1000, was " + limit);
        }
    }

    static String agentQuery(CommandSpec spec, String agent, String separator) {
        if (agent == null) {
            return "";
        }
        if (agent.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--agent must name an agent, was empty");
        }
        return separator + "agent=" + PlatformClient.encode(agent);
    }

    static CliException unknown(String agent) {
        return new CliException(CliException.FAILED, "no agent '" + agent + "': see ztrade agents list");
    }

    /** A decimal string as money: exactly as reported, at least two decimals. */
    static String money(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        try {
            return Table.money(new BigDecimal(n.asText()));
        } catch (NumberFormatException e) {
            return n.asText();
        }
    }

    /** A ratio (decimal string) as a percentage with two decimals. */
    static String percent(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        try {
            return new BigDecimal(n.asText()).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
        } catch (NumberFormatException e) {
            return n.asText();
        }
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
