// One event mention with its evidence sentence highlighted in its article, and its review: the
// judgements so far (undone ones marked) and a form to confirm, correct or reject it.
import {
  claimant, el, eventFacts, fact, figures, getJSON, judgementText, lastPathPart, postJSON, safeHref, showError,
} from "./common.js";

const title = document.getElementById("title");
const id = lastPathPart();
const form = document.getElementById("review");
const message = document.getElementById("review-message");
const REVIEWER = "chronicler.reviewer";

async function load() {
  const found = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const m = found.event;
  const d = found.document;
  title.textContent = `${m.event}${m.mode ? ` (${m.mode})` : ""} · ${m.date || "undated"}`;
  const facts = document.getElementById("facts");
  eventFacts(facts, m);
  fact(facts, "Figures", figures(m.counts));
  fact(facts, "Claimed by", claimant(m) || "the outlet, in its own voice");
  fact(facts, "Modality", m.modality);
  fact(facts, "Background", m.historical ? "yes: an earlier event recalled" : "no");
  fact(facts, "Extractor", `${m.extractor} (confidence ${m.confidence})`);
  const review = m.review;
  document.getElementById("review-status").textContent = review
    ? `Reviewed: ${review.status}${review.fields.length ? ` (${review.fields.join(", ")} by a reviewer)` : ""}, by ${review.reviewers.join(", ")}, ${review.at}`
    : "Not reviewed: every value is the machine's.";
  const link = d.url ? el("a", { href: safeHref(d.url), rel: "noopener noreferrer" }, d.title || d.url) : d.title || d.id;
  document.getElementById("document").replaceChildren(
    link, ` · ${d.outlet || "unknown outlet"} · ${d.published || "undated"} · ${d.language || ""} · revision ${d.revision}`);
  document.getElementById("context").replaceChildren(found.before, el("mark", {}, found.evidence), found.after);
  await loadJudgements();
}

async function loadJudgements() {
  const list = await getJSON(`/api/events/${encodeURIComponent(id)}/judgements`);
  document.getElementById("judgements").replaceChildren(...list.map((j) => {
    const item = el("li", { class: j.undone_at ? "undone" : "" },
      `#${j.id} ${j.at} ${j.reviewer}: ${judgementText(j)}${j.note ? ` (${j.note})` : ""}`);
    if (j.undone_at) item.append(` · undone ${j.undone_at} by ${j.undone_by}`);
    else {
      const button = el("button", { type: "button", class: "undo" }, "Undo");
      button.addEventListener("click", () => undo(j.id));
      item.append(" ", button);
    }
    return item;
  }));
}

async function undo(judgementId) {
  try {
    await postJSON(`/api/judgements/${judgementId}/undo`, { reviewer: reviewer() });
    message.textContent = `Judgement #${judgementId} undone.`;
    await load();
  } catch (error) {
    showError(message, error);
  }
}

function reviewer() {
  const name = form.elements.reviewer.value.trim();
  if (name) localStorage.setItem(REVIEWER, name);
  return name;
}

form.elements.reviewer.value = localStorage.getItem(REVIEWER) || "";
// Signed in, the account is the reviewer (the server records its name whatever the form says).
getJSON("/api/me").then((me) => {
  if (!me.name) return;
  form.elements.reviewer.value = me.name;
  form.elements.reviewer.readOnly = true;
}).catch(() => {});
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  message.classList.remove("error");
  const action = form.elements.action.value;
  const body = { action, reviewer: reviewer(), note: form.elements.note.value || null };
  if (action === "correct") {
    body.field = form.elements.field.value;
    body.value = form.elements.value.value === '""' ? "" : form.elements.value.value;
  }
  try {
    const saved = await postJSON(`/api/events/${encodeURIComponent(id)}/judgements`, body);
    message.textContent = `Saved: #${saved.id} ${judgementText(saved)}.`;
    form.elements.value.value = "";
    form.elements.note.value = "";
    await load();
  } catch (error) {
    showError(message, error);
  }
});

load().catch((error) => showError(title, error));
