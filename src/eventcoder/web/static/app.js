// The analyst's workspace: map, timeline, table, event/article view over eventcoder's read-only API.
// Every text from the store is untrusted (article text, actor names): it reaches the page only
// as text nodes (el() / textContent), never as HTML. The view's state lives in the URL.
"use strict";

const FILTERS = ["country", "admin1", "since", "until", "event_type", "sub_event_type", "actor",
  "min_fatalities", "min_sources"];
const TYPE_COLORS = {
  "Battles": "#c62828", "Explosions/Remote violence": "#ef6c00", "Violence against civilians": "#6a1b9a",
  "Protests": "#1565c0", "Riots": "#00897b", "Strategic developments": "#546e7a",
};
const FIELD_CLASS = {
  sub_event_type: "hl-trigger", event_type: "hl-trigger", event_date: "hl-date", actor1: "hl-actor",
  actor2: "hl-actor", assoc_actor_1: "hl-actor", assoc_actor_2: "hl-actor", location: "hl-place",
  admin1: "hl-place", admin2: "hl-place", country: "hl-place", fatalities: "hl-toll", attribution: "hl-attr",
  quote: "hl-quote", measure: "hl-measure",
};
const PAGE_SIZE = 50;

const state = { params: new URLSearchParams(location.search), facets: null, snapshot: null };
let map, baseLayer, pointLayer, measureLayer, selectedLayer, countryShapes = null, fittedOnce = false;

// ---------------------------------------------------------------- helpers
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function svgEl(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}
function typeColor(t) { return TYPE_COLORS[t] || "#333"; }
function param(name) { return state.params.get(name) || ""; }
function view() { return param("view") || "events"; }
function filterQuery(extra, without) {
  const q = new URLSearchParams();
  for (const f of FILTERS) if (param(f) && !(without || []).includes(f)) q.set(f, param(f));
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q;
}
function pushState(replace) {
  const qs = state.params.toString();
  const url = location.pathname + (qs ? "?" + qs : "");
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
}
function setParams(changes, { resetPage = true } = {}) {
  for (const [k, v] of Object.entries(changes)) {
    if (v === "" || v === null || v === undefined) state.params.delete(k); else state.params.set(k, String(v));
  }
  if (resetPage) state.params.delete("page");
  pushState(false);
}
async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ detail: res.statusText }));
  if (!res.ok) {
    const err = new Error(body.detail || res.statusText);
    err.status = res.status;
    throw err;
  }
  return body;
}
function showProblem(err) {
  const box = document.getElementById("status");
  box.hidden = false;
  box.textContent = err.status === 503 ? err.message : "Error: " + err.message;
}
function fmtPlace(r) { return [r.location, r.admin1, r.country].filter(Boolean).join(", "); }
function fmtNum(n) { return n === null || n === undefined ? "" : String(n); }

// ---------------------------------------------------------------- filters form
function fillSelect(select, options, value) {
  const keepFirst = select.options[0];
  select.replaceChildren(keepFirst);
  for (const [val, label] of options) select.append(el("option", { value: val }, label));
  select.value = value;
  if (select.value !== value) {  // a value from the URL that the store does not list: keep it
    select.append(el("option", { value }, value));
    select.value = value;
  }
}
function fillForm() {
  const form = document.getElementById("filters");
  const f = state.facets;
  if (f) {
    fillSelect(form.country, f.countries.map(c => [c.code, `${c.name || c.code} (${c.events})`]), param("country"));
    const a1 = f.admin1.filter(a => !param("country") || a.country === param("country"));
    fillSelect(form.admin1, a1.map(a => [a.name, `${a.name} (${a.events})`]), param("admin1"));
    fillSelect(form.event_type, f.event_types.map(t => [t.name, `${t.name} (${t.events})`]), param("event_type"));
    const subs = f.sub_event_types.filter(s => !param("event_type") || s.event_type === param("event_type"));
    fillSelect(form.sub_event_type, subs.map(s => [s.name, `${s.name} (${s.events})`]), param("sub_event_type"));
  }
  for (const name of ["since", "until", "actor", "min_fatalities", "min_sources"]) form[name].value = param(name);
  for (const r of document.querySelectorAll("input[name=bucket]")) r.checked = r.value === bucket();
  document.getElementById("clear-dates").hidden = !(param("since") || param("until"));
  for (const b of document.querySelectorAll("#tabs .tab")) b.classList.toggle("active", b.dataset.view === view());
}
function wireForm() {
  const form = document.getElementById("filters");
  let typing;
  form.addEventListener("change", ev => {
    const t = ev.target;
    if (!t.name) return;
    const changes = { [t.name]: t.value };
    if (t.name === "country") changes.admin1 = "";
    if (t.name === "event_type") changes.sub_event_type = "";
    setParams(changes);
    refresh();
  });
  form.actor.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { setParams({ actor: form.actor.value }); refresh(); }, 350);
  });
  form.addEventListener("submit", ev => ev.preventDefault());
  document.getElementById("reset").addEventListener("click", () => {
    const keep = new URLSearchParams();
    if (param("view")) keep.set("view", param("view"));
    state.params = keep;
    pushState(false);
    refresh();
  });
  document.getElementById("clear-dates").addEventListener("click", () => { setParams({ since: "", until: "" }); refresh(); });
  for (const r of document.querySelectorAll("input[name=bucket]")) {
    r.addEventListener("change", () => { setParams({ bucket: r.value }, { resetPage: false }); drawTimeline(); });
  }
  for (const b of document.querySelectorAll("#tabs .tab")) {
    b.addEventListener("click", () => { setParams({ view: b.dataset.view === "events" ? "" : b.dataset.view }); refresh(); });
  }
  document.getElementById("prev").addEventListener("click", () => turnPage(-1));
  document.getElementById("next").addEventListener("click", () => turnPage(1));
  document.getElementById("close-detail").addEventListener("click", () => {
    setParams({ event: "", article: "" }, { resetPage: false });
    showDetail();
  });
  window.addEventListener("popstate", () => { state.params = new URLSearchParams(location.search); refresh(); });
}
function turnPage(step) {
  const page = Math.max(1, (parseInt(param("page"), 10) || 1) + step);
  setParams({ page: page === 1 ? "" : page }, { resetPage: false });
  drawTable();
}

// ---------------------------------------------------------------- map
function initMap() {
  map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, attributionControl: true }).setView([15, 30], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth (public domain)");
  fetch("/static/vendor/countries-50m.json").then(r => r.json()).then(topo => {
    countryShapes = topojson.feature(topo, topo.objects.countries);
    // rings cut at the antimeridian jump from +180 to -180: keep them continuous so that no
    // edge is drawn across the whole map (Russia, Fiji); Antarctica is left out
    countryShapes.features = countryShapes.features.filter(f => String(f.id) !== "010");
    for (const f of countryShapes.features) {
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const poly of polys) for (const ring of poly) {
        for (let i = 1; i < ring.length; i++) {
          while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
          while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
        }
      }
    }
    baseLayer = L.geoJSON(countryShapes, {
      interactive: false,
      style: { color: "#9e9e9e", weight: 0.6, fillColor: "#f5f3ee", fillOpacity: 1 },
    }).addTo(map);
    baseLayer.bringToBack();
    if (view() === "measures") drawMeasures();
  });
  pointLayer = L.layerGroup().addTo(map);
  measureLayer = L.layerGroup().addTo(map);
  selectedLayer = L.layerGroup().addTo(map);
  const legend = document.getElementById("legend");
  for (const [t, c] of Object.entries(TYPE_COLORS)) {
    legend.append(el("span", {}, el("span", { class: "sw", style: `background:${c}` }), t));
  }
  legend.append(el("span", {}, el("span", { class: "sw p3" }), "precision 3 (region only)"),
    el("span", {}, "size: fatalities"));
}
function radius(f) { return 4 + Math.min(16, 2 * Math.sqrt(f || 0)); }
function pointStyle(p) {
  const c = typeColor(p.event_type);
  const prec = p.geo_precision || 3;
  const base = { radius: radius(p.fatalities), color: c, weight: 1.5, fillColor: c,
    className: `ev-point ev-p${prec}` };
  if (prec === 3) return { ...base, fillOpacity: 0.05, dashArray: "3 3", weight: 1.8 };
  if (prec === 2) return { ...base, fillOpacity: 0.45 };
  return { ...base, fillOpacity: 0.8, color: "#222", weight: 1 };
}
async function drawPoints() {
  pointLayer.clearLayers();
  if (view() === "measures") return;
  const q = filterQuery({ format: "geojson", page_size: 5000, sort: "fatalities", order: "asc" });
  let data;
  try { data = await api("/api/events?" + q); } catch (err) { showProblem(err); return; }
  const latlngs = [];
  for (const f of data.features) {
    if (!f.geometry) continue;
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const marker = L.circleMarker([lat, lon], pointStyle(p));
    const tip = el("div", {}, el("b", {}, p.sub_event_type), el("br"), p.event_date || "undated", " · ", fmtPlace(p),
      el("br"), `${fmtNum(p.fatalities) || 0} fatalities · ${p.number_of_sources} source(s) · precision ${p.geo_precision || "?"}`);
    marker.bindTooltip(tip);
    marker.on("click", () => openEvent(p.event_id));
    marker.addTo(pointLayer);
    marker.getElement && marker.getElement() && marker.getElement().setAttribute("data-event-id", p.event_id);
    latlngs.push([lat, lon]);
  }
  document.getElementById("map").dataset.points = String(latlngs.length);
  if (latlngs.length && !fittedOnce) {
    map.fitBounds(L.latLngBounds(latlngs).pad(0.3), { maxZoom: 7 });
    fittedOnce = true;
  }
}
async function drawMeasures() {
  measureLayer.clearLayers();
  if (view() !== "measures") return;
  let data;
  try { data = await api("/api/measures?" + filterQuery({ page_size: 500 })); } catch (err) { showProblem(err); return; }
  const byCountry = new Map();
  for (const m of data.items) {
    if (m.latitude !== null && m.longitude !== null) {
      const mk = L.circleMarker([m.latitude, m.longitude], { radius: 8, color: "#f9a825", weight: 2,
        fillColor: "#fff59d", fillOpacity: 0.8, className: "measure-point" });
      mk.bindTooltip(el("div", {}, el("b", {}, m.measure), el("br"), [m.admin1, m.country_name].filter(Boolean).join(", "),
        el("br"), `${m.start_date || "?"} – ${m.end_date || "?"}`));
      mk.addTo(measureLayer);
    } else if (m.iso_numeric) {
      if (!byCountry.has(m.iso_numeric)) byCountry.set(m.iso_numeric, []);
      byCountry.get(m.iso_numeric).push(m);
    }
  }
  if (countryShapes) {
    for (const feat of countryShapes.features) {
      const ms = byCountry.get(String(feat.id));
      if (!ms) continue;
      const layer = L.geoJSON(feat, { style: { color: "#f9a825", weight: 2, fillColor: "#fff59d", fillOpacity: 0.55,
        className: "country-measure" } });
      layer.bindTooltip(el("div", {}, el("b", {}, ms[0].country_name || ms[0].country), el("br"),
        ms.map(m => `${m.measure} ${m.start_date || "?"} – ${m.end_date || "?"}`).join("; ")));
      layer.addTo(measureLayer);
    }
  }
}

// ---------------------------------------------------------------- timeline
function bucket() { return param("bucket") || "day"; }
function dayNum(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000; }
function isoOf(day) { return new Date(Math.round(day) * 86400000).toISOString().slice(0, 10); }
async function drawTimeline() {
  const svg = document.getElementById("timeline");
  document.getElementById("timeline-title").textContent = `Events per ${bucket()} by type`;
  fillForm();
  let data;
  // the timeline shows every date under the other filters; the brushed range is drawn over it
  try { data = await api("/api/timeline?" + filterQuery({ bucket: bucket() }, ["since", "until"])); }
  catch (err) { showProblem(err); return; }
  svg.replaceChildren();
  const W = svg.clientWidth || 600, H = svg.clientHeight || 140, padL = 34, padB = 18, padT = 6;
  const rows = data.rows;
  svg.dataset.bars = "0";
  if (!rows.length) {
    const t = svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#90a4ae" });
    t.textContent = "no dated events under these filters";
    svg.append(t);
    return;
  }
  const step = bucket() === "week" ? 7 : 1;
  const d0 = dayNum(rows[0].period), d1 = dayNum(rows[rows.length - 1].period) + step;
  const stacks = new Map();
  for (const r of rows) {
    if (!stacks.has(r.period)) stacks.set(r.period, []);
    stacks.get(r.period).push(r);
  }
  const maxN = Math.max(...[...stacks.values()].map(s => s.reduce((a, r) => a + r.events, 0)));
  const x = d => padL + (d - d0) / Math.max(1, d1 - d0) * (W - padL - 6);
  const y = n => H - padB - n / maxN * (H - padB - padT);
  const bw = Math.max(3, x(d0 + step) - x(d0) - 1);
  let bars = 0;
  for (const [period, stack] of stacks) {
    let acc = 0;
    for (const r of stack) {
      const rect = svgEl("rect", { x: x(dayNum(period)), y: y(acc + r.events), width: bw,
        height: Math.max(0.5, y(acc) - y(acc + r.events)), fill: typeColor(r.event_type), class: "tl-bar",
        "data-period": period, "data-type": r.event_type, "data-events": r.events });
      const title = svgEl("title");
      title.textContent = `${period}: ${r.events} ${r.event_type}`;
      rect.append(title);
      svg.append(rect);
      acc += r.events;
      bars++;
    }
  }
  svg.dataset.bars = String(bars);
  svg.dataset.total = String(rows.reduce((a, r) => a + r.events, 0));
  const axis = svgEl("g", { class: "axis" });
  axis.append(svgEl("line", { x1: padL, x2: W - 6, y1: H - padB, y2: H - padB, stroke: "#90a4ae" }));
  const ticks = Math.min(6, Math.max(2, Math.floor((d1 - d0) / step)));
  for (let i = 0; i <= ticks; i++) {
    const d = d0 + (d1 - d0) * i / ticks;
    const t = svgEl("text", { x: x(d), y: H - 4, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
    t.textContent = isoOf(d);
    axis.append(t);
  }
  const ty = svgEl("text", { x: 2, y: padT + 8 });
  ty.textContent = String(maxN);
  axis.append(ty);
  svg.append(axis);
  // brush
  const brush = svgEl("rect", { class: "brush", y: padT, height: H - padB - padT, x: 0, width: 0, visibility: "hidden" });
  svg.append(brush);
  const toDay = px => d0 + (px - padL) / (W - padL - 6) * (d1 - d0);
  if (param("since") || param("until")) {
    const a = param("since") ? Math.max(d0, dayNum(param("since"))) : d0;
    const b = param("until") ? Math.min(d1, dayNum(param("until")) + 1) : d1;
    if (b > a) {
      brush.setAttribute("x", x(a)); brush.setAttribute("width", Math.max(2, x(b) - x(a)));
      brush.setAttribute("visibility", "visible");
    }
  }
  let start = null;
  const px = ev => ev.clientX - svg.getBoundingClientRect().left;
  svg.onpointerdown = ev => { start = px(ev); svg.setPointerCapture(ev.pointerId); };
  svg.onpointermove = ev => {
    if (start === null) return;
    const cur = px(ev);
    brush.setAttribute("x", Math.min(start, cur)); brush.setAttribute("width", Math.abs(cur - start));
    brush.setAttribute("visibility", "visible");
  };
  svg.onpointerup = ev => {
    if (start === null) return;
    const end = px(ev);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 3) { setParams({ since: "", until: "" }); refresh(); return; }
    const since = isoOf(Math.floor(Math.max(d0, toDay(a))));
    const until = isoOf(Math.max(Math.floor(Math.min(d1 - 1, toDay(b))), Math.floor(Math.max(d0, toDay(a)))));
    setParams({ since, until });
    refresh({ keepTimeline: true });
  };
}

// ---------------------------------------------------------------- table
const EVENT_COLUMNS = [
  ["event_date", "Date"], ["sub_event_type", "Type"], ["actor1", "Actor 1"], ["actor2", "Actor 2"],
  ["location", "Place"], ["fatalities", "Deaths"], ["number_of_sources", "Sources"],
];
function header(cols, sortable) {
  const sort = param("sort") || "event_date", order = param("order") || "desc";
  const tr = el("tr");
  for (const [key, label] of cols) {
    const th = el("th", { "data-key": key }, label);
    if (sortable) {
      th.classList.add("sortable");
      if (key === sort) th.classList.add(order === "asc" ? "sorted-asc" : "sorted-desc");
      th.addEventListener("click", () => {
        const next = key === sort && order === "desc" ? "asc" : "desc";
        setParams({ sort: key === "event_date" ? "" : key, order: next === "desc" ? "" : next });
        drawTable();
      });
    }
    tr.append(th);
  }
  document.querySelector("#table thead").replaceChildren(tr);
}
function pager(data) {
  const from = data.total ? (data.page - 1) * data.page_size + 1 : 0;
  const to = Math.min(data.total, data.page * data.page_size);
  document.getElementById("range").textContent = `${from}–${to} of ${data.total}`;
  document.getElementById("prev").disabled = data.page <= 1;
  document.getElementById("next").disabled = to >= data.total;
}
async function drawTable() {
  const tbody = document.querySelector("#table tbody");
  const page = parseInt(param("page"), 10) || 1;
  const v = view();
  let data;
  try {
    if (v === "measures") data = await api("/api/measures?" + filterQuery({ page, page_size: PAGE_SIZE }));
    else if (v === "quotes") data = await api("/api/quotes?" + filterQuery({ page, page_size: PAGE_SIZE }));
    else data = await api("/api/events?" + filterQuery({ page, page_size: PAGE_SIZE,
      sort: param("sort") || "event_date", order: param("order") || "desc" }));
  } catch (err) { showProblem(err); return; }
  const rows = [];
  if (v === "measures") {
    header([["measure", "Measure"], ["place", "Place"], ["start_date", "From"], ["end_date", "To"],
      ["hours", "Hours"], ["imposed_by", "Imposed by"], ["evidence", "Evidence"]], false);
    for (const m of data.items) {
      const tr = el("tr", { "data-measure-id": m.measure_id },
        el("td", {}, m.measure), el("td", {}, [m.admin1, m.country_name || m.country].filter(Boolean).join(", ")),
        el("td", {}, m.start_date || ""), el("td", {}, m.end_date || ""), el("td", {}, m.hours || ""),
        el("td", {}, m.imposed_by || ""), el("td", { class: "ev-text" }, m.evidence.length ? m.evidence[0].text : ""));
      if (m.sources && m.sources.length) tr.addEventListener("click", () => openArticle(m.sources[0].article_key));
      rows.push(tr);
    }
  } else if (v === "quotes") {
    header([["published", "Published"], ["speaker", "Speaker"], ["role", "Role, organisation"], ["text", "Quote"],
      ["source", "Article"]], false);
    for (const q of data.items) {
      const src = q.sources[0] || {};
      const tr = el("tr", { "data-article": q.article_key },
        el("td", {}, q.published || ""), el("td", {}, q.speaker || "unnamed"),
        el("td", {}, [q.role, q.organization].filter(Boolean).join(", ")),
        el("td", { class: "ev-text" }, (q.direct ? "“" : "") + q.text + (q.direct ? "”" : "")),
        el("td", {}, src.title || src.outlet || q.article_key));
      tr.addEventListener("click", () => openArticle(q.article_key));
      rows.push(tr);
    }
  } else {
    header(EVENT_COLUMNS, true);
    for (const e of data.items) {
      const tr = el("tr", { "data-event-id": e.event_id },
        el("td", {}, e.event_date || "undated"),
        el("td", { class: "type", title: e.event_type }, el("span", { class: "type-dot", style: `background:${typeColor(e.event_type)}` }), e.sub_event_type),
        el("td", {}, e.actor1 || ""), el("td", {}, e.actor2 || ""), el("td", {}, fmtPlace(e)),
        el("td", { class: "num" }, fmtNum(e.fatalities)), el("td", { class: "num" }, fmtNum(e.number_of_sources)));
      tr.addEventListener("click", () => openEvent(e.event_id));
      rows.push(tr);
    }
  }
  tbody.replaceChildren(...rows);
  document.getElementById("table").dataset.total = String(data.total);
  const what = v === "events" ? "events" : v;
  const active = FILTERS.filter(f => param(f)).map(f => `${f}=${param(f)}`);
  document.getElementById("summary").textContent = `${data.total} ${what}` + (active.length ? ` · ${active.join(" · ")}` : "");
  pager(data);
}

// ---------------------------------------------------------------- event and article view
function openEvent(id) { setParams({ event: id, article: "" }, { resetPage: false }); showDetail(); }
function openArticle(key) { setParams({ article: key, event: "" }, { resetPage: false }); showDetail(); }

// The article text with spans highlighted. Offsets count Unicode code points (Python's str).
function highlighted(text, spans) {
  const chars = Array.from(text || "");
  const cuts = new Set([0, chars.length]);
  const ok = spans.filter(s => s.start >= 0 && s.end <= chars.length && s.end > s.start);
  for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const covering = ok.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { out.append(document.createTextNode(piece)); continue; }
    // the narrowest span gives the colour; on a tie the field (toll, date ...) wins over the event's trigger
    const trig = s => (s.field === "sub_event_type" || s.field === "event_type" ? 1 : 0);
    covering.sort((p, q) => (p.end - p.start) - (q.end - q.start) || trig(p) - trig(q));
    const fields = [...new Set(covering.map(s => s.field))];
    out.append(el("mark", { class: FIELD_CLASS[covering[0].field] || "hl-trigger", "data-field": fields.join(" "),
      title: fields.join(", ") }, piece));
  }
  return out;
}
function attributionSpan(text, attr) {
  if (!attr) return [];
  const chars = Array.from(text || "");
  const joined = chars.join("");
  const spans = [];
  for (const name of [attr.speaker, attr.organization]) {
    if (!name) continue;
    const at = joined.indexOf(name);
    if (at >= 0) {
      const start = Array.from(joined.slice(0, at)).length;
      spans.push({ field: "attribution", start, end: start + Array.from(name).length });
      break;
    }
  }
  return spans;
}
function attributionText(a) {
  if (!a) return null;
  const who = [a.speaker, a.role, a.organization].filter(Boolean).join(", ");
  return who ? `according to ${who}` : null;
}
function keyLegend() {
  return el("div", { class: "keys meta" }, "Highlights: ",
    el("mark", { class: "hl-trigger" }, "event"), el("mark", { class: "hl-date" }, "date"),
    el("mark", { class: "hl-actor" }, "actors"), el("mark", { class: "hl-place" }, "place"),
    el("mark", { class: "hl-toll" }, "toll"), el("mark", { class: "hl-attr" }, "attribution"),
    el("mark", { class: "hl-quote" }, "quote"));
}
function quoteList(quotes) {
  if (!quotes.length) return el("p", { class: "meta" }, "No attributed quotes in this article.");
  return el("ul", { class: "quotes" }, quotes.map(q => el("li", { class: "quote" },
    el("b", {}, q.speaker || "unnamed"), [q.role, q.organization].filter(Boolean).length ? ` (${[q.role, q.organization].filter(Boolean).join(", ")})` : "",
    ": ", el("span", { class: "ev-text" }, (q.direct ? "“" : "") + q.text + (q.direct ? "”" : "")))));
}
async function articleSection(key, spans, heading) {
  let art;
  try { art = await api("/api/articles/" + encodeURIComponent(key)); }
  catch (err) { return el("p", { class: "meta" }, `The article could not be loaded: ${err.message}`); }
  return el("div", { class: "source-article", "data-article": key },
    heading || el("h3", {}, art.title || art.article_key),
    el("div", { class: "meta" }, [art.outlet, art.published, art.url || art.source].filter(Boolean).join(" · ")),
    highlighted(art.text, [...spans(art), ...art.quotes.map(q => ({ field: "quote", start: q.start, end: q.end }))]),
    el("h4", {}, "Quotes in this article"), quoteList(art.quotes));
}
async function showDetail() {
  const box = document.getElementById("detail");
  const body = document.getElementById("detail-body");
  const id = param("event"), key = param("article");
  selectedLayer.clearLayers();
  if (!id && !key) { box.hidden = true; body.replaceChildren(); return; }
  box.hidden = false;
  body.replaceChildren(el("p", { class: "meta" }, "loading …"));
  if (key) {
    const section = await articleSection(key, art => [
      ...art.events.flatMap(e => e.evidence),
      ...art.measures.flatMap(m => m.evidence.map(s => ({ ...s, field: s.field === "measure" ? "measure" : s.field }))),
      ...art.events.flatMap(e => attributionSpan(art.text, e.attribution)),
    ]);
    body.replaceChildren(el("h2", {}, "Article"), keyLegend(), section);
    return;
  }
  let ev;
  try { ev = await api("/api/events/" + encodeURIComponent(id)); } catch (err) {
    body.replaceChildren(el("p", {}, err.status === 404 ? "No such event in the store." : err.message));
    return;
  }
  if (ev.latitude !== null && ev.longitude !== null) {  // the open event, ringed on the map
    L.circleMarker([ev.latitude, ev.longitude], { radius: radius(ev.fatalities) + 5, color: "#111", weight: 2.5,
      fill: false, interactive: false, className: "ev-selected" }).addTo(selectedLayer);
  }
  const evidenceOf = field => ev.sources.flatMap(s => s.evidence.filter(e => e.field === field)
    .map(e => el("div", { class: "ev-text" }, `“${e.text}”`, ev.sources.length > 1 ? el("span", { class: "meta" }, ` (${s.outlet || s.title || s.article_key})`) : "")));
  const row = (label, value, field) => el("tr", { "data-field": field || label },
    el("td", {}, label), el("td", { class: "value" }, value === null || value === undefined || value === "" ? "—" : String(value)),
    el("td", {}, field ? evidenceOf(field) : ""));
  // (two reports with the same source say it once)
  const attrs = [...new Set(ev.sources.map(s => attributionText(s.attribution)).filter(Boolean))];
  const rows = [
    row("event type", ev.event_type, "event_type"), row("sub-event type", ev.sub_event_type, "sub_event_type"),
    row("date", ev.event_date && `${ev.event_date} (time precision ${ev.time_precision ?? "?"})`, "event_date"),
    row("actor 1", ev.actor1 && `${ev.actor1} (inter ${ev.inter1 ?? "?"})`, "actor1"),
    row("associated with actor 1", ev.assoc_actor_1, "assoc_actor_1"),
    row("actor 2", ev.actor2 && `${ev.actor2} (inter ${ev.inter2 ?? "?"})`, "actor2"),
    row("associated with actor 2", ev.assoc_actor_2, "assoc_actor_2"),
    row("interaction", ev.interaction),
    row("country", ev.country && `${ev.country_name || ev.country} (${ev.country})`, "country"),
    row("admin1", ev.admin1, "admin1"), row("admin2", ev.admin2, "admin2"), row("location", ev.location, "location"),
    row("coordinates", ev.latitude !== null && ev.longitude !== null ? `${ev.latitude.toFixed(4)}, ${ev.longitude.toFixed(4)}` : null),
    row("GeoNames id", ev.geonameid), row("geo precision", ev.geo_precision),
    row("fatalities", ev.fatalities === null ? null :
      `${ev.fatalities}` + (ev.fatalities_low !== ev.fatalities_high ? ` (reports: ${ev.fatalities_low ?? "?"}–${ev.fatalities_high ?? "?"})` : ""), "fatalities"),
    row("sources", ev.number_of_sources), row("attribution", attrs.length ? attrs.join("; ") : null),
    row("confidence", ev.confidence === null ? null : ev.confidence.toFixed(2)), row("notes", ev.notes),
  ];
  const parts = [
    el("h2", {}, `${ev.sub_event_type} — ${fmtPlace(ev) || "place unknown"}, ${ev.event_date || "undated"}`),
    el("table", { class: "fields" }, el("tbody", {}, rows)),
    el("h3", {}, `Source articles (${ev.sources.length})`), keyLegend(),
  ];
  body.replaceChildren(...parts);
  for (const s of ev.sources) {
    const head = el("div", { class: "source-head" },
      el("h3", {}, s.title || s.outlet || s.article_key),
      el("div", { class: "figure" }, `This report's toll: ${s.fatalities ?? "none given"}`),
      attributionText(s.attribution) ? el("div", { class: "attribution" }, attributionText(s.attribution)) : null);
    body.append(await articleSection(s.article_key, art => [...s.evidence, ...attributionSpan(art.text, s.attribution)], head));
  }
}

// ---------------------------------------------------------------- status and start-up
async function pollStatus() {
  try {
    const st = await api("/api/status");
    const box = document.getElementById("status");
    box.hidden = st.state === "ok";
    box.textContent = st.message || "";
    if (st.snapshot_at && state.snapshot && st.snapshot_at !== state.snapshot) {
      state.snapshot = st.snapshot_at;
      await loadFacets();
      refresh();
    }
    state.snapshot = st.snapshot_at;
  } catch (err) { /* the server is gone: keep the page as it is */ }
}
async function loadFacets() {
  try { state.facets = await api("/api/facets"); } catch (err) { showProblem(err); }
}
function refresh(opts) {
  fillForm();
  if (!(opts && opts.keepTimeline)) drawTimeline(); else fillForm();
  drawTable();
  drawPoints();
  drawMeasures();
  showDetail();
}
async function start() {
  initMap();
  wireForm();
  await pollStatus();
  await loadFacets();
  refresh();
  setInterval(pollStatus, 5000);
  window.addEventListener("resize", () => drawTimeline());
}
start();
