// One event mention with its evidence sentence highlighted in its article.
import { claimant, el, fact, figures, getJSON, lastPathPart, names, placeName, showError, safeHref } from "./common.js";

const title = document.getElementById("title");

async function start() {
  const found = await getJSON(`/api/events/${encodeURIComponent(lastPathPart())}`);
  const m = found.event;
  const d = found.document;
  title.textContent = `${m.event}${m.mode ? ` (${m.mode})` : ""} · ${m.date || "undated"}`;
  const facts = document.getElementById("facts");
  fact(facts, "Type", m.event);
  fact(facts, "Mode", m.mode);
  fact(facts, "Date", m.enddate ? `${m.date} to ${m.enddate}` : m.date);
  fact(facts, "Place", placeName(m.event_loc));
  fact(facts, "Actor", names(m.actor));
  fact(facts, "Target", names(m.recipient));
  fact(facts, "Figures", figures(m.counts));
  fact(facts, "Claimed by", claimant(m) || "the outlet, in its own voice");
  fact(facts, "Modality", m.modality);
  fact(facts, "Background", m.historical ? "yes: an earlier event recalled" : "no");
  fact(facts, "Extractor", `${m.extractor} (confidence ${m.confidence})`);
  const link = d.url ? el("a", { href: safeHref(d.url), rel: "noopener noreferrer" }, d.title || d.url) : d.title || d.id;
  document.getElementById("document").append(
    link, ` · ${d.outlet || "unknown outlet"} · ${d.published || "undated"} · ${d.language || ""} · revision ${d.revision}`);
  document.getElementById("context").append(found.before, el("mark", {}, found.evidence), found.after);
}

start().catch((error) => showError(title, error));
