// One consolidated event: its facts, the competing figures side by side with who claims each and
// which outlets carried them, its mentions with their evidence, and its sources.
import { el, eventFacts, fact, getJSON, lastPathPart, placeName, postJSON, showError } from "./common.js";

const title = document.getElementById("title");
const message = document.getElementById("regroup-message");
const REVIEWER = "chronicler.reviewer"; // the name the mention page remembers
let mentions = [];

// A split or join is a reviewer's judgement: signed in, the account; else the remembered name.
async function reviewer() {
  const me = await getJSON("/api/me").catch(() => ({}));
  return me.name || localStorage.getItem(REVIEWER) || "";
}

async function regroup(mention, body) {
  message.classList.remove("error");
  const name = await reviewer();
  if (!name) {
    message.textContent = "Give your name as reviewer on a mention's page first.";
    return;
  }
  try {
    await postJSON(`/api/events/${encodeURIComponent(mention)}/judgements`, { ...body, reviewer: name });
    location.reload();
  } catch (error) {
    showError(message, error);
  }
}

document.getElementById("join").addEventListener("submit", (event) => {
  event.preventDefault();
  const other = event.target.elements.other.value.trim();
  if (mentions.length) regroup(mentions[0], { action: "join", value: other });
});

async function start() {
  const id = lastPathPart();
  const found = await getJSON(`/api/consolidated/${encodeURIComponent(id)}`);
  const e = found.event;
  title.textContent = `${e.event}${e.mode ? ` (${e.mode})` : ""} · ${e.date || "undated"} · ${placeName(e.event_loc) || "no place"}`;
  document.title = `${e.event} ${e.date || ""} · chronicler`;
  const facts = document.getElementById("facts");
  eventFacts(facts, e);
  fact(facts, "Background", e.historical ? "yes: an earlier event recalled" : "");
  document.getElementById("disagreement").hidden = !e.disagreement;
  renderClaims(found.kinds);
  renderMentions(e.mentions || []);
  renderSources(e.sources);
}

function renderClaims(kinds) {
  const holder = document.getElementById("claims");
  if (!kinds.length) {
    holder.append(el("p", {}, "No figures are claimed for this event."));
    return;
  }
  for (const k of kinds) {
    const [low, best, high] = [k.ucdp.low, k.ucdp.best, k.ucdp.high];
    holder.append(
      el("h3", {}, k.kind),
      el("p", { class: "views" },
        `ACLED's conservative figure: ${k.acled_conservative ?? "none"} · UCDP low / best / high: ${low ?? "–"} / ${best ?? "–"} / ${high ?? "–"}`),
      el("table", { class: "claims plain" },
        el("thead", {}, el("tr", {}, ...["Figures (in order)", "Claimed by", "First report", "Latest report", "Outlets", "Outlet types", "Affiliations"].map((h) => el("th", {}, h)))),
        el("tbody", {}, ...k.claims.map((c) => el("tr", {},
          el("td", { class: "figure" }, c.figures.join(" → ")),
          el("td", {}, c.claimant),
          el("td", {}, c.first || ""),
          el("td", {}, c.latest || ""),
          el("td", {}, c.outlets.join(", ")),
          el("td", {}, c.outlet_types.join(", ")),
          el("td", {}, c.affiliations.join(", ")),
        )))));
  }
}

async function renderMentions(ids) {
  mentions = ids;
  const list = document.getElementById("mentions");
  for (const id of ids) {
    const item = el("li", {}, el("a", { href: `/mentions/${encodeURIComponent(id)}` }, id));
    list.append(item);
    const split = ids.length > 1 ? el("button", { type: "button", class: "split" }, "Split off") : null;
    if (split) split.addEventListener("click", () => regroup(id, { action: "split" }));
    try {
      const found = await getJSON(`/api/events/${encodeURIComponent(id)}`);
      const d = found.document;
      item.replaceChildren(
        el("blockquote", { class: "context" }, found.before, el("mark", {}, found.evidence), found.after),
        el("p", { class: "source" }, `${d.outlet || "unknown outlet"} · ${d.published || "undated"} · `,
          el("a", { href: `/mentions/${encodeURIComponent(id)}` }, d.title || d.id), split ? " " : null, split));
    } catch (error) {
      item.append(` (${error.message})`);
    }
  }
}

function renderSources(sources) {
  const list = document.getElementById("sources");
  if (!sources) return;
  for (const [key, value] of Object.entries(sources)) {
    list.append(el("li", {}, `${key.replaceAll("_", " ")}: ${Array.isArray(value) ? value.join(", ") : JSON.stringify(value)}`));
  }
}

start().catch((error) => showError(title, error));
