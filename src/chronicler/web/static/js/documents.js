// The stored documents a page at a time, and the inputs set aside with their reasons.
import { el, getJSON, safeHref, showError } from "./common.js";

const tbody = document.querySelector("#documents tbody");
const more = document.getElementById("more");
let next = null;

async function page() {
  const found = await getJSON("/api/documents", { limit: 100, cursor: next });
  next = found.next;
  more.hidden = !next;
  tbody.append(...found.items.map((d) => el("tr", {},
    el("td", {}, d.id),
    el("td", {}, d.url ? el("a", { href: safeHref(d.url), rel: "noopener noreferrer" }, d.title || d.url) : d.title || ""),
    el("td", {}, d.outlet || ""),
    el("td", {}, d.published || ""),
    el("td", {}, String(d.mentions)),
    el("td", {}, d.ingested_at))));
}

async function failures() {
  const rows = await getJSON("/api/failures");
  document.querySelector("#failures tbody").append(...rows.map((f) => el("tr", {},
    el("td", {}, f.source), el("td", {}, f.code), el("td", {}, f.reason), el("td", {}, f.recorded_at))));
}

more.addEventListener("click", () => page().catch((error) => showError(document.querySelector("h1"), error)));
Promise.all([page(), failures()]).catch((error) => showError(document.querySelector("h1"), error));
