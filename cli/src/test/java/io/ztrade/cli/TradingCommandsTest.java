package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.AgentChanged;
import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.AgentCommandRejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ztrade agents|kill-switch|positions|pnl|risk|orders} against a stand-in broker and API. */
class TradingCommandsTest {

    private FakePlatform platform;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    static JsonNode json(String text) {
        try {
            return PlatformClient.JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers GET {@code path} with {@code body}, 404 otherwise (and replies to commands through {@code replies}). */
    private void api(String path, String body, Function<AgentCommand, Object> replies) {
        platform.api(r -> {
            if (r.path().equals(path)) {
                return new FakePlatform.Response(200, json(body).toString());
            }
            if (r.path().startsWith("/api/events/") && replies != null) {
                FakePlatform.Request sent = platform.posts().stream()
                        .filter(p -> r.path().endsWith(p.headers().get("ce-id"))).findFirst().orElseThrow();
                AgentCommand c = EventCodec.decode(sent.body(), AgentCommand.class);
                Object data = replies.apply(c);
                String type = data instanceof AgentCommandRejected ? EventTypes.AGENT_COMMAND_REJECTED : EventTypes.AGENT_CHANGED;
                ObjectNode event = FakePlatform.event(1, sent.headers().get("ce-id"), EventSources.CLI, EventTypes.AGENT_COMMAND, c, "delivered");
                ObjectNode reply = FakePlatform.event(2, "r-" + sent.headers().get("ce-id"), EventSources.TRADING_LOOP_FUNCTION, type, data,
                        "delivered");
                return FakePlatform.Response.json(200, FakePlatform.withReplies(event, reply));
            }
            return new FakePlatform.Response(404, "{\"error\":\"not found\"}");
        });
    }

    private List<AgentCommand> sentCommands() {
        assertThat(platform.posts()).allSatisfy(p -> assertThat(p.headers().get("ce-type")).isEqualTo(EventTypes.AGENT_COMMAND));
        return platform.posts().stream().map(p -> EventCodec.decode(p.body(), AgentCommand.class)).toList();
    }

    @Test
    void agentsListPrintsEveryAgentWithMoneyAsReported() {
        api("/api/trading/agents", "[{'id':'aapl-sma','status':'RUNNING','symbol':'AAPL','timeframe':'1Day','strategy':'sma-crossover',"
                + "'capital':'10000.00','equity':'10030.62','totalPnl':'30.62','drawdown':'0.001928','dailyTrades':2,'dryRun':false},"
                + "{'id':'eth-mm','status':'PAUSED','symbol':'ETH-USD','timeframe':'5Min','strategy':'market-maker','capital':'2500.5',"
                + "'equity':'2500.5','totalPnl':'0.00','drawdown':'0','dailyTrades':0,'dryRun':true}]", null);
        Run run = Run.of("agents", "list", "--url", platform.base().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("aapl-sma", "RUNNING", "sma-crossover", "10000.00", "10030.62", "30.62", "0.19%")
                .contains("eth-mm", "PAUSED (dry run)", "2500.50");
        assertThat(platform.gets("/api/trading/agents")).hasSize(1);
    }

    @Test
    void agentsShowPrintsTheReasoningOfEachSignalAndNamesAnUnknownAgent() {
        api("/api/trading/agents/aapl-sma", "{'agent':{'id':'aapl-sma','status':'RUNNING','symbol':'AAPL','timeframe':'1Day',"
                + "'strategy':'sma-crossover','kind':'TRADER','capital':'10000.00','cash':'9116.40','equity':'10030.62','totalPnl':'30.62',"
                + "'realisedPnl':'17.90','unrealisedPnl':'12.72','drawdown':'0.001928','dailyTrades':2},'params':{'fast':10},"
                + "'settings':{'maxDailyTrades':2},'sourceFile':'agents/aapl-sma/context.yaml',"
                + "'position':{'symbol':'AAPL','quantity':'6','averagePrice':'150.25','markPrice':'152.37','marketValue':'914.22','unrealisedPnl':'12.72'},"
                + "'equity':[{'at':'2026-12-01T15:00:00Z','equity':'10030.62','drawdown':'0'}],"
                + "'signals':[{'id':2,'at':'2026-12-02T15:00:00Z','barTime':'2026-12-02T00:00:00Z','action':'BUY','taken':false,"
                + "'rule':'daily-trade-limit','detail':{'reason':'SIGNAL','confidence':0.9,'indicators':{'sma10':150.1},"
                + "'rules':[{'rule':'daily-trade-limit','passed':false,'detail':'2 of 2 trades today'}]}}],"
                + "'orders':[{'clientOrderId':'c1','agentId':'aapl-sma','side':'BUY','quantity':'10','price':'150.25','filledQuantity':'10',"
                + "'status':'FILLED','createdAt':'2026-12-01T15:00:00Z','fills':[{'quantity':'4','price':'150.25','commission':'0.40'}]}],"
                + "'fills':[]}", null);
        Run run = Run.of("agents", "show", "aapl-sma", "--url", platform.base().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("aapl-sma: RUNNING", "cash 9116.40", "equity 10030.62", "P&L 30.62", "realised 17.90",
                "unrealised 12.72", "6 AAPL @ 150.25, mark 152.37", "refused by daily-trade-limit", "confidence 0.9", "sma10 150.1",
                "FAIL daily-trade-limit: 2 of 2 trades today", "4 @ 150.25 (commission 0.40)", "agents/aapl-sma/context.yaml");

        Run unknown = Run.of("agents", "show", "ghost", "--url", platform.base().toString());
        assertThat(unknown.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(unknown.err()).contains("no agent 'ghost'");
    }

    @Test
    void importSendsEachYamlFileOfADirectoryAndNamesTheFileAndFieldOfARejection() throws IOException {
        Files.createDirectories(dir.resolve("aapl-sma"));
        Files.writeString(dir.resolve("aapl-sma/context.yaml"), "id: aapl-sma\nsymbol: AAPL\n");
        Files.writeString(dir.resolve("btc.yaml"), "id: btc\nsymbol: BTC-USD\ncapital: -5\n");
        Files.writeString(dir.resolve("notes.txt"), "not an agent");
        api("/none", "{}", c -> c.yaml().contains("capital: -5")
                ? new AgentCommandRejected(c.command(), null, c.file(), "capital", c.file() + ": capital: must be positive, was -5")
                : new AgentChanged("aapl-sma", "STOPPED", "imported"));
        Run run = Run.of("agents", "import", dir.toString(), "--broker", platform.broker().toString());
        List<AgentCommand> sent = sentCommands();
        assertThat(sent).extracting(AgentCommand::command).containsOnly(AgentCommand.IMPORT);
        assertThat(sent).extracting(AgentCommand::file).containsExactly(
                dir.resolve("aapl-sma/context.yaml").toString(), dir.resolve("btc.yaml").toString());
        assertThat(sent.get(0).yaml()).isEqualTo("id: aapl-sma\nsymbol: AAPL\n");
        assertThat(run.out()).contains("aapl-sma: STOPPED (imported)");
        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains(dir.resolve("btc.yaml") + ": capital: must be positive, was -5", "1 of 2 imports rejected");
    }

    @Test
    void importRefusesWhatCannotBeSentAndSendsNothing() throws IOException {
        Run missing = Run.of("agents", "import", dir.resolve("nope").toString(), "--broker", platform.broker().toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("FILE_OR_DIR", "nope");
        Run empty = Run.of("agents", "import", dir.toString(), "--broker", platform.broker().toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("holds no */context.yaml and no *.yaml");
        Files.writeString(dir.resolve("blank.yaml"), "  \n");
        Run blank = Run.of("agents", "import", dir.resolve("blank.yaml").toString(), "--broker", platform.broker().toString());
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("blank.yaml: is empty");
        assertThat(platform.posts()).isEmpty();
    }

    @Test
    void transitionsSendTheCommandForTheAgentAndPrintItsNewStatus() {
        api("/none", "{}", c -> new AgentChanged(c.agentId(), switch (c.command()) {
            case AgentCommand.START, AgentCommand.RESUME -> "RUNNING";
            case AgentCommand.PAUSE -> "PAUSED";
            default -> "STOPPED";
        }, c.reason()));
        for (String verb : List.of("start", "pause", "resume", "stop")) {
            Run run = Run.of("agents", verb, "aapl-sma", "--reason", "by hand", "--broker", platform.broker().toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(sentCommands()).containsExactly(new AgentCommand(AgentCommand.START, "aapl-sma", null, null, "by hand"),
                new AgentCommand(AgentCommand.PAUSE, "aapl-sma", null, null, "by hand"),
                new AgentCommand(AgentCommand.RESUME, "aapl-sma", null, null, "by hand"),
                new AgentCommand(AgentCommand.STOP, "aapl-sma", null, null, "by hand"));
        assertThat(platform.posts()).extracting(p -> p.headers().get("ce-subject")).containsOnly("aapl-sma");
        assertThat(Run.of("agents", "pause", "x", "--broker", platform.broker().toString()).out()).contains("x: PAUSED");
    }

    @Test
    void aRejectedTransitionFailsWithTheTradingLoopsReason() {
        api("/none", "{}", c -> new AgentCommandRejected(c.command(), c.agentId(), null, "agentId", "no agent 'ghost'"));
        Run run = Run.of("agents", "start", "ghost", "--broker", platform.broker().toString());
        assertThat(run.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(run.err()).contains("start of ghost rejected: agentId: no agent 'ghost'");
    }

    @Test
    void aBadAgentIdIsRefusedBeforeAnythingIsSent() {
        Run run = Run.of("agents", "start", "a".repeat(65), "--broker", platform.broker().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("agentId: must be at most 64 characters");
        assertThat(platform.posts()).isEmpty();
    }

    @Test
    void killSwitchSendsOnAndOffWithItsReason() {
        Run on = Run.of("kill-switch", "on", "--reason", "flash crash", "--no-wait", "--broker", platform.broker().toString());
        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(on.out()).contains("kill switch on sent");
        Run off = Run.of("kill-switch", "OFF", "--no-wait", "--broker", platform.broker().toString());
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(sentCommands()).containsExactly(new AgentCommand(AgentCommand.KILL_SWITCH_ON, null, null, null, "flash crash"),
                new AgentCommand(AgentCommand.KILL_SWITCH_OFF, null, null, null, null));
        Run bad = Run.of("kill-switch", "maybe", "--broker", platform.broker().toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("on|off", "maybe");
        assertThat(platform.posts()).hasSize(2);
    }

    @Test
    void positionsPnlRiskAndOrdersPrintTheApiAsTables() {
        platform.api(r -> switch (r.path()) {
            case "/api/trading/positions" -> new FakePlatform.Response(200, json("[{'agentId':'aapl-sma','symbol':'AAPL','quantity':'6',"
                    + "'averagePrice':'150.25','markPrice':'152.37','marketValue':'914.22','unrealisedPnl':'12.72'}]").toString());
            case "/api/trading/pnl" -> r.query() != null && r.query().contains("ghost") ? new FakePlatform.Response(404, "{\"error\":\"agent: no agent 'ghost'\",\"field\":\"agent\"}")
                    : new FakePlatform.Response(200, json("{'agents':[{'agentId':'aapl-sma','capital':'10000.00','equity':'10030.62',"
                    + "'realisedPnl':'17.90','unrealisedPnl':'12.72','commissions':'1.50','totalPnl':'30.62','totalReturn':'0.003062'}],"
                    + "'total':{'capital':'10000.00','equity':'10030.62','realisedPnl':'17.90','unrealisedPnl':'12.72','commissions':'1.50',"
                    + "'totalPnl':'30.62','totalReturn':'0.003062'}}").toString());
            case "/api/trading/risk" -> new FakePlatform.Response(200, json("{'killSwitch':{'engaged':true,'reason':'flash crash',"
                    + "'changedAt':'2026-12-02T15:00:00Z'},'portfolio':{'totalCapital':'10000.00','deployed':'914.22','deployedShare':'0.091422',"
                    + "'maxDeployedShare':'0.8','openPositions':1,'maxOpenPositions':3},'agents':[{'agentId':'aapl-sma','status':'RUNNING',"
                    + "'halted':true,'dailyTrades':2,'maxDailyTrades':2,'dailyLossShare':'0.000934','dailyLossLimit':'0.05','drawdown':'0.001928',"
                    + "'maxDrawdown':'0.2','breaches':['daily-trade-limit']}],'halted':['aapl-sma']}").toString());
            case "/api/trading/orders" -> new FakePlatform.Response(200, json("[{'clientOrderId':'c2','agentId':'aapl-sma','side':'SELL',"
                    + "'quantity':'4','price':'155.1','filledQuantity':'4','status':'FILLED','createdAt':'2026-12-01T16:00:00Z',"
                    + "'fills':[{'quantity':'4','price':'155.10','commission':'0.50'}]}]").toString());
            default -> new FakePlatform.Response(404, "{\"error\":\"not found\"}");
        });
        String url = platform.base().toString();
        Run positions = Run.of("positions", "--url", url);
        assertThat(positions.exitCode()).as(positions.err()).isZero();
        assertThat(positions.out()).contains("aapl-sma", "AAPL", "150.25", "152.37", "914.22", "12.72");

        Run pnl = Run.of("pnl", "--url", url);
        assertThat(pnl.out()).contains("17.90", "12.72", "1.50", "30.62", "0.31%", "total");
        Run one = Run.of("pnl", "--agent", "aapl-sma", "--url", url);
        assertThat(one.out()).doesNotContain("total");
        assertThat(platform.gets("/api/trading/pnl").get(1).query()).isEqualTo("agent=aapl-sma");
        Run ghost = Run.of("pnl", "--agent", "ghost", "--url", url);
        assertThat(ghost.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(ghost.err()).contains("no agent 'ghost'");

        Run risk = Run.of("risk", "--url", url);
        assertThat(risk.out()).contains("kill switch: ENGAGED (flash crash)", "deployed 914.22 of 10000.00 (9.14%, limit 80.00%)",
                "open positions 1 of 3", "halted: aapl-sma", "RUNNING (halted)", "daily-trade-limit", "0.19%", "20.00%");

        Run orders = Run.of("orders", "--agent", "aapl-sma", "--limit", "5", "--url", url);
        assertThat(orders.exitCode()).as(orders.err()).isZero();
        assertThat(orders.out()).contains("c2", "SELL", "155.10", "FILLED", "4 @ 155.10 (commission 0.50)");
        assertThat(platform.gets("/api/trading/orders").get(0).query()).isEqualTo("limit=5&agent=aapl-sma");
        assertThat(Run.of("orders", "--limit", "0", "--url", url).exitCode()).isEqualTo(2);
        assertThat(Run.of("positions", "--json", "--url", url).out()).contains("\"unrealisedPnl\" : \"12.72\"");
    }

    @Test
    void readCommandsSayWhenZtradeIsNotRunning() {
        String url = platform.base().toString();
        platform.close();
        Run run = Run.of("risk", "--url", url);
        assertThat(run.exitCode()).isEqualTo(CliException.NOT_RUNNING);
        assertThat(run.err()).contains("Ztrade is not running at " + url);
    }
}
