// The trading dashboard of the status page: reads /api/trading/* and keeps it current by polling.
// Every value is put into the page as text (textContent, DOM nodes): nothing an agent's reasoning,
// an order or a fill carries is parsed as HTML. Charts: uPlot, served from the emulator's jar.
"use strict";

(() => {
  const POLL_MS = 2000;
  const view = { selected: null, userSelected: false, charts: {}, chartAgent: null };

  // ---- DOM helpers: text only ----------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k.startsWith("data-")) e.dataset[k.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = String(v);
      else if (k === "title") e.title = String(v);
      else e.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c == null) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function rows(tableId, trs, columns) {
    const body = document.querySelector(`#${tableId} tbody`);
    body.replaceChildren(...(trs.length ? trs : [el("tr", {}, el("td", { class: "muted", colspan: columns }, "none"))]));
  }

  function badge(text, cls) {
    return el("span", { class: "badge " + (cls || text) }, text);
  }

  // ---- formats: the API's decimal strings are shown as they are, with thousands separated ------

  function money(s) {
    if (s == null) return "-";
    const [whole, frac] = String(s).split(".");
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac != null ? "." + frac : "");
  }

  function signed(s) {
    if (s == null) return el("span", {}, "-");
    const n = Number(s);
    return el("span", { class: n > 0 ? "gain" : n < 0 ? "loss" : "", "data-value": s }, (n > 0 ? "+" : "") + money(s));
  }

  function percent(s) {
    return s == null ? "-" : (Number(s) * 100).toFixed(2) + "%";
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString([], { hour12: false }) : "-";
  }

  async function get(path) {
    const r = await fetch(path, { headers: { accept: "application/json" } });
    if (!r.ok) throw new Error(path + ": " + r.status);
    return r.json();
  }

  // ---- agents ---------------------------------------------------------------------------------

  function renderAgents(agents) {
    if (!view.selected || !agents.some(a => a.id === view.selected)) {
      const running = agents.find(a => a.status === "RUNNING");
      view.selected = (running || agents[0] || {}).id || null;
    }
    rows("trading-agents", agents.map(a => {
      const tr = el("tr", { "data-agent": a.id, "data-status": a.status, class: a.id === view.selected ? "selected" : "" },
        el("td", {}, el("b", {}, a.id), el("br"), el("span", { class: "small muted" }, `${a.symbol} ${a.timeframe}${a.dryRun ? ", dry run" : ""}`)),
        el("td", {}, badge(a.status), a.statusReason ? el("div", { class: "note" }, a.statusReason) : null),
        el("td", { class: "small" }, a.kind === "MARKET_MAKER" ? "market maker" : a.strategy),
        el("td", { class: "num" }, money(a.capital)),
        el("td", { class: "num equity" }, money(a.equity)),
        el("td", { class: "num pnl" }, signed(a.totalPnl)),
        el("td", { class: "num realised" }, signed(a.realisedPnl)),
        el("td", { class: "num unrealised" }, signed(a.unrealisedPnl)),
        el("td", { class: "num" }, percent(a.drawdown)),
        el("td", { class: "num" }, a.dailyTrades));
      tr.addEventListener("click", () => select(a.id));
      return tr;
    }), 10);
    const picker = document.getElementById("trading-agent");
    const options = agents.map(a => el("option", { value: a.id }, a.id));
    const same = picker.options.length === options.length && [...picker.options].every((o, i) => o.value === options[i].value);
    if (!same) picker.replaceChildren(...options);
    if (view.selected) picker.value = view.selected;
    document.getElementById("trading-note").textContent = agents.length ? "" : "no agents yet: import one with ./ztrade agents import agents/";
  }

  function select(id) {
    view.selected = id;
    view.userSelected = true;
    document.querySelectorAll("#trading-agents tr[data-agent]").forEach(tr => tr.classList.toggle("selected", tr.dataset.agent === id));
    document.getElementById("trading-agent").value = id;
    loadDetail().catch(e => console.warn(e));
  }

  // ---- charts (uPlot) ---------------------------------------------------------------------------

  function chart(id, title, label, stroke, fill, format) {
    const box = document.getElementById(id);
    const opts = {
      title, width: Math.max(box.clientWidth - 2, 300), height: 200,
      scales: { x: { time: true } },
      series: [{}, { label, stroke, fill, width: 2, value: (u, v) => v == null ? "-" : format(v) }],
      axes: [{}, { size: 70, values: (u, vals) => vals.map(format) }],
    };
    return new uPlot(opts, [[], []], box);
  }

  function renderCharts(detail) {
    try {
      drawCharts(detail);
      document.getElementById("chart-note").textContent = "";
    } catch (e) {
      document.getElementById("chart-note").textContent = "charts unavailable: " + e.message;
      throw e;
    }
  }

  function drawCharts(detail) {
    if (typeof uPlot === "undefined") throw new Error("uPlot did not load");
    if (!view.charts.equity) {
      view.charts.equity = chart("equity-chart", "Equity", "equity", "#2456b8", "rgba(36,86,184,0.08)", v => v.toFixed(2));
      view.charts.drawdown = chart("drawdown-chart", "Drawdown", "drawdown", "#b3261e", "rgba(179,38,30,0.12)", v => v.toFixed(2) + "%");
      window.addEventListener("resize", () => {
        for (const c of Object.values(view.charts)) c.setSize({ width: Math.max(c.root.parentElement.clientWidth - 2, 300), height: 200 });
      });
    }
    const points = detail ? detail.equity : [];
    const xs = points.map(p => Date.parse(p.at) / 1000);
    view.charts.equity.setData([xs, points.map(p => Number(p.equity))]);
    view.charts.drawdown.setData([xs, points.map(p => -Number(p.drawdown) * 100)]);
    for (const id of ["equity-chart", "drawdown-chart"]) {
      const box = document.getElementById(id);
      box.dataset.agent = detail ? detail.agent.id : "";
      box.dataset.points = String(points.length);
    }
  }

  // ---- signals with their reasoning ------------------------------------------------------------

  function reasoning(detail) {
    if (detail == null || typeof detail !== "object") return [el("span", {}, String(detail == null ? "" : detail))];
    const parts = [];
    const facts = [];
    if (detail.reason != null) facts.push(`reason ${detail.reason}`);
    if (detail.confidence != null) facts.push(`confidence ${Number(detail.confidence).toFixed(2)}`);
    if (detail.sentiment != null) facts.push(`sentiment ${Number(detail.sentiment).toFixed(2)}`);
    const price = detail.price != null ? detail.price : detail.limitPrice;
    if (detail.quantity != null) facts.push(`quantity ${detail.quantity}` + (price != null ? ` @ ${price}` : ""));
    if (detail.dryRun) facts.push("dry run");
    if (detail.haltAgent) facts.push("halts the agent");
    if (facts.length) parts.push(el("div", {}, facts.join(", ")));
    if (detail.indicators && typeof detail.indicators === "object") {
      const ind = Object.entries(detail.indicators).map(([k, v]) => `${k} ${v == null ? "-" : typeof v === "number" ? Number(v.toFixed(4)) : v}`);
      if (ind.length) parts.push(el("div", { class: "small muted" }, ind.join(" \u00b7 ")));
    }
    if (Array.isArray(detail.rules) && detail.rules.length) {
      parts.push(el("ul", { class: "plain rules small" }, detail.rules.map(r =>
        el("li", { class: r.passed ? "passed" : "failed" }, (r.passed ? "\u2713 " : "\u2717 ") + (r.rule || "?") + (r.detail ? ": " + r.detail : "")))));
    }
    const known = new Set(["reason", "confidence", "sentiment", "quantity", "price", "limitPrice", "dryRun", "haltAgent", "indicators", "rules"]);
    const rest = Object.keys(detail).filter(k => !known.has(k) && detail[k] != null && detail[k] !== "");
    for (const k of rest) {
      const v = detail[k];
      parts.push(typeof v === "object" && v !== null
        ? el("pre", { class: "detail small mono" }, `${k}: ${JSON.stringify(v, null, 1)}`)
        : el("div", { class: "small" }, `${k}: ${v}`));
    }
    return parts;
  }

  function renderDetail(detail) {
    document.getElementById("trading-signals-agent").textContent = detail ? detail.agent.id : "";
    const signals = detail ? detail.signals : [];
    rows("trading-signals", signals.map(s => el("tr", { class: "signal", "data-signal": s.id, "data-taken": s.taken },
      el("td", { class: "small" }, when(s.barTime || s.at)),
      el("td", {}, badge(s.action)),
      el("td", {}, s.taken ? badge("taken") : s.rule ? badge("refused") : badge("no order", "none"),
        s.rule ? el("div", { class: "small" }, s.rule) : null),
      el("td", { class: "reasoning" }, reasoning(s.detail)))), 4);
    renderCharts(detail);
  }

  // ---- positions, risk, orders -------------------------------------------------------------------

  function renderPositions(positions) {
    rows("trading-positions", positions.map(p => el("tr", { "data-position": p.agentId + "/" + p.symbol },
      el("td", {}, p.agentId), el("td", {}, p.symbol), el("td", { class: "num" }, p.quantity),
      el("td", { class: "num" }, money(p.averagePrice)), el("td", { class: "num", title: p.markedAt ? "marked " + when(p.markedAt) : "" }, money(p.markPrice)),
      el("td", { class: "num" }, money(p.marketValue)), el("td", { class: "num unrealised" }, signed(p.unrealisedPnl)))), 7);
  }

  function renderRisk(risk) {
    const ks = document.getElementById("kill-switch");
    ks.replaceChildren(risk.killSwitch.engaged ? "kill switch ENGAGED" : "kill switch off");
    ks.className = "badge " + (risk.killSwitch.engaged ? "engaged" : "released");
    ks.dataset.engaged = String(risk.killSwitch.engaged);
    ks.title = risk.killSwitch.engaged ? (risk.killSwitch.reason || "") + " since " + when(risk.killSwitch.changedAt) : "";
    const p = risk.portfolio;
    document.getElementById("trading-portfolio").replaceChildren(
      `deployed ${money(p.deployed)} of ${money(p.totalCapital)} (${percent(p.deployedShare)}, limit ${percent(p.maxDeployedShare)})`
      + ` \u00b7 open positions ${p.openPositions} of ${p.maxOpenPositions}`
      + (risk.halted.length ? ` \u00b7 halted: ${risk.halted.join(", ")}` : ""));
    rows("trading-risk", risk.agents.map(a => el("tr", { "data-risk": a.agentId, "data-halted": a.halted },
      el("td", {}, a.agentId, a.halted ? el("div", {}, badge("halted", "engaged"), " ", el("span", { class: "note" }, a.statusReason || "")) : null),
      el("td", { class: "num" }, `${a.dailyTrades} / ${a.maxDailyTrades == null ? "-" : a.maxDailyTrades}`),
      el("td", { class: "num" }, `${percent(a.dailyLossShare)} / ${percent(a.dailyLossLimit)}`),
      el("td", { class: "num" }, `${percent(a.drawdown)} / ${percent(a.maxDrawdown)}`),
      el("td", { class: "small" }, a.breaches.length ? a.breaches.join(", ") : "-"))), 5);
  }

  function renderOrders(orders) {
    rows("trading-orders", orders.map(o => el("tr", { class: "order", "data-order": o.clientOrderId, "data-status": o.status },
      el("td", { class: "small" }, when(o.createdAt)),
      el("td", {}, o.agentId),
      el("td", {}, badge(o.side), ` ${o.quantity} ${o.symbol}`, o.price != null ? ` @ ${money(o.price)}` : " market",
        el("br"), el("span", { class: "small muted" }, o.clientOrderId)),
      el("td", { class: "num" }, `${o.filledQuantity} / ${o.quantity}`),
      el("td", {}, badge(o.status), o.reason ? el("div", { class: "note" }, o.reason) : null),
      el("td", {}, el("ul", { class: "plain small" }, o.fills.map(f => el("li", { class: "fill", "data-execution": f.executionId },
        `${f.quantity} @ ${money(f.price)}, commission ${money(f.commission)}, ${when(f.bookedAt)}`)))))), 6);
  }

  // ---- polling -----------------------------------------------------------------------------------

  async function loadDetail() {
    const id = view.selected;
    const detail = id ? await get(`/api/trading/agents/${encodeURIComponent(id)}?limit=20&points=2000`) : null;
    if (id === view.selected) renderDetail(detail);
  }

  async function loadAll() {
    const [agents, risk, positions, orders] = await Promise.all([
      get("/api/trading/agents"), get("/api/trading/risk"), get("/api/trading/positions"), get("/api/trading/orders?limit=30")]);
    renderAgents(agents);
    renderRisk(risk);
    renderPositions(positions);
    renderOrders(orders);
    await loadDetail();
    document.getElementById("trading").dataset.updated = String(Date.now());
  }

  document.getElementById("trading-agent").addEventListener("change", e => select(e.target.value));

  const run = async () => {
    try {
      await loadAll();
    } catch (e) {
      console.warn(e);
    }
    setTimeout(run, POLL_MS);
  };
  run();
})();
