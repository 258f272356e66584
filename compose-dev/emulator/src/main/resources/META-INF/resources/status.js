// The status page: reads the JSON API (/api/...) and keeps the tables current by polling.
// No build step, no dependencies.
"use strict";

const state = { events: new Map(), revision: 0, lastOk: 0 };

function esc(v) {
  return String(v == null ? "" : v).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function time(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
}

function badge(text) {
  return `<span class="badge ${esc(text)}">${esc(text)}</span>`;
}

async function get(path) {
  const r = await fetch(path, { headers: { accept: "application/json" } });
  if (!r.ok) throw new Error(path + ": " + r.status);
  return r.json();
}

function fill(id, rows) {
  document.querySelector(`#${id} tbody`).innerHTML = rows.join("") ||
    `<tr><td colspan="9" class="muted">none</td></tr>`;
}

function delivery(d) {
  return d ? `retry ${d.retry}, ${esc(d.backoffPolicy)} ${esc(d.backoffDelay)}, timeout ${esc(d.timeout)}` +
    (d.deadLetterSink ? `<br><span class="small muted">dead letters: ${esc(d.deadLetterSink)}</span>` : "") : "";
}

async function loadPlatform() {
  const p = await get("/api/platform");
  document.getElementById("platform").innerHTML = p.ready
    ? `broker <code>${esc(p.brokerUrl)}</code>` + (p.orderbookUrl ? ` &middot; orderbook <code>${esc(p.orderbookUrl)}</code>` : "")
    : "starting...";
}

async function loadTopology() {
  const [brokers, triggers, sources] = await Promise.all([get("/api/brokers"), get("/api/triggers"), get("/api/sources")]);
  fill("brokers", brokers.map(b => `<tr data-broker="${esc(b.namespace + "/" + b.name)}">
    <td><b>${esc(b.namespace)}/${esc(b.name)}</b><br><span class="small muted">${esc(b.brokerClass)}, topic ${esc(b.topic)} (${b.partitions} partitions), ${b.inFlight} in flight</span></td>
    <td><code>${esc(b.address)}</code></td><td>${delivery(b.delivery)}</td></tr>`));
  fill("triggers", triggers.map(t => `<tr data-trigger="${esc(t.name)}">
    <td><b>${esc(t.name)}</b></td><td>${esc(t.broker)}</td><td><code>${esc(t.filter)}</code></td>
    <td>${esc(t.subscriber)}</td><td>${delivery(t.delivery)}</td></tr>`));
  const rows = [];
  for (const p of sources.pingSources) {
    rows.push(`<tr><td><b>${esc(p.namespace)}/${esc(p.name)}</b></td><td>PingSource</td>
      <td><code>${esc(p.schedule)}</code> ${esc(p.timezone || "")}</td><td>${esc(p.sink)}</td>
      <td class="small">next ${esc(p.nextFireAt ? new Date(p.nextFireAt).toLocaleString() : "-")}${p.lastResult ? "<br>last: " + esc(p.lastResult) : ""}</td></tr>`);
  }
  for (const k of sources.kafkaSources) {
    rows.push(`<tr><td><b>${esc(k.namespace)}/${esc(k.name)}</b></td><td>KafkaSource</td>
      <td>topics <code>${esc(k.topics.join(", "))}</code>, group ${esc(k.consumerGroup)}</td><td>${esc(k.sink)}</td>
      <td class="small">${k.forwarded} forwarded, ${k.failed} failed</td></tr>`);
  }
  fill("sources", rows);
}

async function loadMarket() {
  const m = await get("/api/market");
  fill("market-bars", m.bars.map(b => `<tr data-bar="${esc(b.symbol + "/" + b.timeframe)}"><td><b>${esc(b.symbol)}</b></td>
    <td>${esc(b.timeframe)}</td><td>${esc(new Date(b.time).toLocaleString())}</td><td>${esc(String(b.close))}</td>
    <td class="small">${esc(b.source)}</td></tr>`));
  fill("market-sentiment", m.sentiment.map(s => `<tr data-sentiment="${esc(s.symbol)}"><td><b>${esc(s.symbol)}</b></td>
    <td>${s.score.toFixed(2)}</td><td>${s.confidence.toFixed(2)}</td><td>${s.items}</td>
    <td>${esc(new Date(s.asOf).toLocaleString())}</td><td class="small">${esc(s.missingSources.join(", ") || "-")}</td></tr>`));
}

async function loadServices() {
  const services = await get("/api/services");
  fill("services", services.map(s => {
    const colds = s.coldStartsMillis || [];
    const cold = colds.length ? colds.slice(-5).map(ms => ms + " ms").join(", ") : "-";
    return `<tr data-service="${esc(s.name)}"><td><b>${esc(s.name)}</b><br><span class="small muted">${esc(s.kind)}${s.module ? " " + esc(s.module) : ""}${s.aotCache ? ", AOT cache" : ""}</span>
      ${s.message ? `<br><span class="note">${esc(s.message)}</span>` : ""}</td>
      <td>${s.ready} ready${s.starting ? `, ${s.starting} starting` : ""}${(s.rssMiB || []).length
        ? `<br><span class="small rss">RSS ${(s.rssMiB || []).map(m => m < 0 ? "?" : m + " MiB").join(", ")}</span>` : ""}${(s.urls || []).map((u, i) =>
        `<br><a class="small metrics" href="${esc(u)}/q/metrics" target="_blank" rel="noopener">replica ${i + 1} /q/metrics</a>`).join("")}</td>
      <td class="small">min ${s.minScale}, max ${s.maxScale || "&infin;"}, target ${s.target}${s.containerConcurrency ? ", cc " + s.containerConcurrency : ""}</td>
      <td>${s.inFlight}${s.waiting ? ` (+${s.waiting} waiting)` : ""}</td><td class="small">${cold}</td></tr>`;
  }));
}

function attempts(list) {
  return (list || []).map(a => {
    const cls = a.statusCode ? "c" + String(a.statusCode)[0] : "none";
    const what = a.statusCode ? a.statusCode : "no response";
    const wait = a.activationMs >= 1 ? ` <span class="muted">(waited ${Math.round(a.activationMs)} ms for a replica)</span>` : "";
    return `<span class="attempt ${cls}" data-code="${esc(a.statusCode || "")}" title="${esc(a.error || "")}">${esc(what)} ${a.latencyMs} ms${wait}</span>`;
  }).join("");
}

function eventRow(e) {
  const deliveries = (e.deliveries || []).map(d => `<li class="delivery" data-trigger="${esc(d.trigger)}" data-status="${esc(d.status)}">
      <b>${esc(d.trigger)}</b> ${badge(d.status)} ${attempts(d.attempts)}
      ${d.reply ? `<span class="reply">&rarr; reply <code>${esc(d.reply.type)}</code></span>` : ""}
      ${d.deadLetter ? `<span class="note">&rarr; ${esc(d.deadLetter.sink)}</span>` : ""}
      ${d.note ? `<br><span class="note">${esc(d.note)}</span>` : ""}</li>`).join("");
  const cause = e.causedBy ? `<br><span class="small muted">reply to ${esc(e.causedBy.type)} ${esc(e.causedBy.id)} via ${esc(e.causedBy.trigger)}</span>` : "";
  return `<tr class="event${e.causedBy ? " caused" : ""}" data-seq="${e.seq}" data-id="${esc(e.id)}" data-type="${esc(e.type)}" data-status="${esc(e.status)}">
    <td class="small">${time(e.receivedAt)}<br><span class="muted">${esc(e.via)}</span></td>
    <td><code>${esc(e.type)}</code><br><span class="small muted">${esc(e.source)} &middot; ${esc(e.id)}</span>${cause}</td>
    <td>${badge(e.status)}</td>
    <td><ul class="deliveries">${deliveries || (e.matched && e.matched.length === 0 && e.status === "no-match" ? '<li class="muted">no trigger matched</li>' : "")}</ul></td></tr>`;
}

async function loadEvents() {
  const page = await get(`/api/events?changedSince=${state.revision}&limit=500`);
  for (const e of page.events) state.events.set(e.seq, e);
  state.revision = page.revision;
  const newest = [...state.events.values()].sort((a, b) => b.seq - a.seq).slice(0, 300);
  state.events = new Map(newest.map(e => [e.seq, e]));
  fill("events", newest.map(eventRow));
  document.getElementById("event-count").textContent = `(${page.lastSeq} since start, newest first)`;
}

async function loadDeadLetters() {
  const dls = await get("/api/deadletters?limit=50");
  fill("deadletters", dls.map(d => `<tr class="deadletter" data-event-id="${esc(d.attributes.id)}">
    <td class="small">${time(d.at)}</td>
    <td><code>${esc(d.attributes.type)}</code><br><span class="small muted">${esc(d.attributes.id)}</span></td>
    <td>${esc(d.trigger)}<br><span class="small muted">${d.attempts} attempt(s)</span></td>
    <td>${esc(d.extensions.knativeerrorcode || "-")}</td>
    <td class="small"><code>${esc(d.extensions.knativeerrordest || "")}</code></td>
    <td class="small mono">${esc((d.errorData || "").slice(0, 300))}</td>
    <td class="small">${esc(d.sink)}${d.sent ? "" : `<br><span class="note">not delivered: ${esc(d.sinkError)}</span>`}</td></tr>`));
}

async function loadJobs() {
  let jobs;
  try {
    jobs = await get("/api/jobs?limit=30");
  } catch (e) {
    fill("jobs", [`<tr><td colspan="7" class="muted">jobs unavailable: ${esc(e.message)}</td></tr>`]);
    return;
  }
  fill("jobs", jobs.map(j => `<tr data-job="${j.id}"><td class="small">${time(j.startedAt)}</td><td>${esc(j.function)}</td>
    <td><code>${esc(j.eventType)}</code><br><span class="small muted">${esc(j.eventId)}</span></td><td>${badge(j.status)}</td>
    <td>${j.attempts}</td><td>${j.durationMs != null ? j.durationMs + " ms" : ""}</td>
    <td class="small">${esc(j.replyType || j.error || "")}</td></tr>`));
}

function every(ms, fn) {
  const run = async () => {
    try {
      await fn();
      state.lastOk = Date.now();
    } catch (e) {
      console.warn(e);
    }
    setTimeout(run, ms);
  };
  run();
}

every(5000, loadPlatform);
every(3000, loadTopology);
every(1000, loadEvents);
every(1000, loadServices);
every(2000, loadDeadLetters);
every(3000, loadJobs);
every(5000, loadMarket);
setInterval(() => document.getElementById("live").classList.toggle("stale", Date.now() - state.lastOk > 5000), 1000);
