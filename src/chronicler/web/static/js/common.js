// Shared helpers of the workspace pages. Every stored string reaches the page as a text node
// (el() and textContent), never as HTML: what an article says is shown, never run.

export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  return answer(await fetch(url, { headers: { Accept: "application/json" } }));
}

// The JSON of an answer, or an Error that says why: FastAPI's 422 lists its reasons.
async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
      : body.detail;
    throw new Error(detail || `${response.status} ${response.statusText}`);
  }
  return body;
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "href") node.setAttribute("href", safeHref(value));
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Links to this application, or to http(s) pages (an article's URL); nothing else is followed.
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("/") && !text.startsWith("//")) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
  } catch {
    return "#";
  }
}

export function names(entities) {
  return (entities || []).map((e) => e.identifier_text || e.entity_text).join(", ");
}

export function figures(counts) {
  return (counts || [])
    .map((c) => {
      const span = c.high !== null && c.high !== undefined && c.high !== c.low ? `${c.low}–${c.high}` : `${c.low}`;
      const qualifier = c.qualifier ? ` (${c.qualifier.replaceAll("_", " ")})` : "";
      return `${c.kind} ${span}${qualifier}`;
    })
    .join("; ");
}

export function placeName(loc) {
  if (!loc) return "";
  const parts = [loc.resolved_place, loc.admin1, loc.country_code].filter((p, i, all) => p && all.indexOf(p) === i);
  return parts.join(", ");
}

export function claimant(mention) {
  const c = mention.claimed_by;
  if (!c) return "";
  return typeof c === "string" ? c : c.identifier_text || c.entity_text || "";
}

export function showError(node, error) {
  console.error(error);
  node.textContent = `Could not load: ${error && error.message ? error.message : error}`;
  node.classList.add("error");
}

export function lastPathPart() {
  return decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop() || "");
}

// The facts every event page opens with, for a mention or a consolidated event.
export function eventFacts(list, e) {
  list.replaceChildren();
  fact(list, "Type", e.event);
  fact(list, "Mode", e.mode);
  fact(list, "Date", e.enddate ? `${e.date} to ${e.enddate}` : e.date);
  fact(list, "Place", placeName(e.event_loc));
  fact(list, "Actor", names(e.actor));
  fact(list, "Target", names(e.recipient));
}

export function fact(list, term, value) {
  if (value === undefined || value === null || value === "") return;
  list.append(el("dt", {}, term), el("dd", {}, value));
}

export async function postJSON(path, body) {
  return answer(await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  }));
}

export function judgementText(j) {
  const value = (v) => (v === null || v === undefined ? "none" : typeof v === "object" ? (v.resolved_place || v.entity_text || JSON.stringify(v)) : String(v));
  if (j.action === "correct") return `corrected ${j.field}: ${value(j.old_value)} → ${value(j.new_value)}`;
  if (j.action === "split") return "split off its event";
  if (j.action === "join") return `joined with the event of ${value(j.new_value)}`;
  return `${j.action}ed`;
}
