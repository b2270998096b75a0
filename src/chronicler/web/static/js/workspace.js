// The events workspace: filters, a map of consolidated events, a timeline of mentions per day by
// type, and the mentions table, all filtered together; the filters live in the page's address.
import { claimant, el, figures, getJSON, names, placeName, showError } from "./common.js";

const FILTERS = ["type", "since", "until", "country", "place", "q"];
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
const SVG = "http://www.w3.org/2000/svg";

const form = document.getElementById("filters");
const status = document.getElementById("status");
const tbody = document.querySelector("#events tbody");
const more = document.getElementById("more");
let colours = {};
let rows = [];
let next = null;
let map = null;
let layers = [];

function current() {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
}

async function start() {
  const { types } = await getJSON("/api/types");
  const select = form.elements.type;
  types.forEach((type, i) => {
    colours[type] = PALETTE[i % PALETTE.length];
    select.append(el("option", { value: type }, type));
  });
  const filters = current();
  for (const key of FILTERS) form.elements[key].value = filters[key];
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const key of FILTERS) if (form.elements[key].value.trim()) params.set(key, form.elements[key].value.trim());
    history.replaceState(null, "", params.toString() ? `?${params}` : window.location.pathname);
    load();
  });
  more.addEventListener("click", () => loadEvents(false));
  document.querySelectorAll("#events th[data-sort]").forEach((th) => th.addEventListener("click", () => sortBy(th)));
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([32, 53], 4);
  map.attributionControl.addAttribution("Natural Earth");
  load();
}

async function load() {
  status.textContent = "Loading…";
  status.classList.remove("error");
  try {
    await Promise.all([loadEvents(true), loadTimeline(), loadMap()]);
    status.textContent = `${rows.length}${next ? "+" : ""} event mentions`;
  } catch (error) {
    showError(status, error);
  }
}

function apiFilters(extra = {}) {
  const f = current();
  return { type: f.type, since: f.since, until: f.until, country: f.country, place: f.place, q: f.q, ...extra };
}

async function loadEvents(fresh) {
  if (fresh) {
    rows = [];
    next = null;
    tbody.replaceChildren();
  }
  const page = await getJSON("/api/events", apiFilters({ limit: 100, cursor: next }));
  rows.push(...page.items);
  next = page.next;
  tbody.append(...page.items.map(row));
  more.hidden = !next;
}

function row(m) {
  return el("tr", { "data-id": m.id },
    el("td", {}, m.date || ""),
    el("td", {}, el("span", { class: "type", "data-type": m.event }, m.event),
      m.review ? el("small", { class: "reviewed", title: `by ${m.review.reviewers.join(", ")}` }, ` ${m.review.status}`) : null),
    el("td", {}, m.mode || ""),
    el("td", {}, names(m.actor)),
    el("td", {}, names(m.recipient)),
    el("td", {}, placeName(m.event_loc)),
    el("td", {}, figures(m.counts)),
    el("td", {}, claimant(m)),
    el("td", {}, m.historical ? `${m.modality}, background` : m.modality),
    el("td", {}, m.outlet || ""),
    el("td", { class: "evidence" }, el("a", { href: `/mentions/${encodeURIComponent(m.id)}` }, m.text)),
  );
}

function sortBy(th) {
  const key = th.dataset.sort;
  const value = (m) => (key === "place" ? placeName(m.event_loc) : m[key] || "");
  const descending = th.getAttribute("aria-sort") === "ascending";
  document.querySelectorAll("#events th").forEach((h) => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  rows.sort((a, b) => value(a).localeCompare(value(b)) * (descending ? -1 : 1));
  tbody.replaceChildren(...rows.map(row));
}

async function loadTimeline() {
  const f = apiFilters();
  delete f.cursor;
  const days = await getJSON("/api/timeline", f);
  drawTimeline(days);
}

function drawTimeline(days) {
  const svg = document.getElementById("timeline");
  const legend = document.getElementById("legend");
  svg.replaceChildren();
  legend.replaceChildren();
  const width = 640;
  const height = 160;
  const pad = 24;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (!days.length) {
    const text = document.createElementNS(SVG, "text");
    text.setAttribute("x", "8");
    text.setAttribute("y", "20");
    text.textContent = "No event dated to the day matches.";
    svg.append(text);
    return;
  }
  // Day bars over up to half a year; a longer span is drawn by month, so that every bar can be seen.
  const first = Date.parse(days[0].date);
  const spanDays = Math.round((Date.parse(days[days.length - 1].date) - first) / 86400000) + 1;
  const byMonth = spanDays > 183;
  const months = (iso) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const slot = byMonth ? (iso) => months(iso) - months(days[0].date) : (iso) => Math.round((Date.parse(iso) - first) / 86400000);
  const bucket = byMonth ? (iso) => iso.slice(0, 7) : (iso) => iso;
  const counts = new Map();
  for (const d of days) {
    const key = `${bucket(d.date)}|${d.event}`;
    counts.set(key, (counts.get(key) || 0) + d.count);
  }
  const totals = new Map();
  for (const [key, n] of counts) totals.set(key.split("|")[0], (totals.get(key.split("|")[0]) || 0) + n);
  const span = slot(days[days.length - 1].date) + 1;
  const barWidth = Math.max(1, (width - 2 * pad) / span);
  const top = Math.max(...totals.values());
  const stacked = new Map();
  for (const [key, count] of counts) {
    const [when, type] = key.split("|");
    const x = pad + slot(byMonth ? `${when}-01` : when) * barWidth;
    const below = stacked.get(when) || 0;
    const h = (count / top) * (height - 2 * pad);
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("x", x.toFixed(1));
    rect.setAttribute("y", (height - pad - below - h).toFixed(1));
    rect.setAttribute("width", Math.max(1, barWidth - 1).toFixed(1));
    rect.setAttribute("height", h.toFixed(1));
    rect.setAttribute("fill", colours[type] || "#555");
    rect.setAttribute("class", "bar");
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${when}: ${count} ${type}`;
    rect.append(title);
    svg.append(rect);
    stacked.set(when, below + h);
  }
  const ends = [bucket(days[0].date), bucket(days[days.length - 1].date)];
  for (const [x, label, anchor] of [[pad, ends[0], "start"], [width - pad, `${ends[1]}${byMonth ? " (by month)" : ""}`, "end"]]) {
    const text = document.createElementNS(SVG, "text");
    text.setAttribute("x", String(x));
    text.setAttribute("y", String(height - 6));
    text.setAttribute("text-anchor", anchor);
    text.setAttribute("class", "axis");
    text.textContent = label;
    svg.append(text);
  }
  const seen = [...new Set(days.map((d) => d.event))].sort();
  legend.append(...seen.map((t) => el("span", { class: "key", "data-type": t }, el("i", { class: `swatch c${Object.keys(colours).indexOf(t) % PALETTE.length}` }), t)));
}

let basemap = null;
let provinces = null;

const provinceKey = (code, name) => `${code}|${name}`;

// Events placed in a province or a country have no point of their own: the province is shaded
// where its outline is bundled (the gazetteer's provinces), else the country.
async function loadMap() {
  const f = current();
  const [points, world] = await Promise.all([
    getJSON("/api/map", { type: f.type, since: f.since, until: f.until, country: f.country }),
    basemap ? Promise.resolve(null) : getJSON("/static/basemap/countries.geojson"),
  ]);
  if (world) basemap = world;
  const inProvince = points.filter((p) => p.lat === null && p.resolution === "admin1" && p.admin1 && p.country_code);
  if (inProvince.length && !provinces) provinces = await getJSON("/static/basemap/admin1.geojson");
  const outlined = new Set((provinces ? provinces.features : []).map((ft) => provinceKey(ft.properties.iso_a2, ft.properties.admin1)));
  const byProvince = tally(inProvince.filter((p) => outlined.has(provinceKey(p.country_code, p.admin1))), (p) => provinceKey(p.country_code, p.admin1));
  const byCountry = tally(points.filter((p) => p.lat === null && p.country_code && !byProvince.has(provinceKey(p.country_code, p.admin1))), (p) => p.country_code);
  layers.forEach((layer) => layer.remove());
  const countries = shaded(basemap, (ft) => byCountry.get(ft.properties.iso_a2) || 0, (ft) => ft.properties.name, "country");
  const shown = byProvince.size ? provinces.features.filter((ft) => byProvince.has(provinceKey(ft.properties.iso_a2, ft.properties.admin1))) : [];
  const regions = shaded({ type: "FeatureCollection", features: shown }, (ft) => byProvince.get(provinceKey(ft.properties.iso_a2, ft.properties.admin1)) || 0, (ft) => ft.properties.admin1, "province");
  const cluster = L.markerClusterGroup();
  for (const p of points) {
    if (p.lat === null || p.lon === null) continue;
    const marker = L.circleMarker([p.lat, p.lon], { radius: 7, color: "#222", weight: 1, fillColor: colours[p.event] || "#555", fillOpacity: 0.9 });
    marker.bindPopup(() => popup(p));
    cluster.addLayer(marker);
  }
  layers = [countries.addTo(map), regions.addTo(map), cluster.addTo(map)];
}

function tally(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) || 0) + 1);
  return counts;
}

function shaded(collection, count, name, kind) {
  const most = Math.max(1, ...collection.features.map(count));
  return L.geoJSON(collection, {
    style: (ft) => {
      const n = count(ft);
      return { className: kind, color: "#888", weight: 0.6, fillColor: n ? "#c0392b" : "#f4f1ea", fillOpacity: n ? 0.15 + 0.5 * (n / most) : 1 };
    },
    onEachFeature: (ft, layer) => {
      const n = count(ft);
      const label = `${name(ft) || ""}${n ? `: ${n} events placed only in the ${kind}` : ""}`;
      layer.bindTooltip(() => document.createTextNode(label), { sticky: true });
    },
  });
}

function popup(p) {
  return el("div", { class: "popup" },
    el("strong", {}, `${p.event}${p.mode ? ` (${p.mode})` : ""}`), el("br"),
    `${p.date || "undated"} · ${p.place || ""}`, el("br"),
    `${p.mentions} mentions in ${p.documents} documents${p.disagreement ? " · sources disagree" : ""}`, el("br"),
    el("a", { href: `/consolidated/${encodeURIComponent(p.id)}` }, "Open the event"));
}

start().catch((error) => showError(status, error));
