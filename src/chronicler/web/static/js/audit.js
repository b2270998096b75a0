// The audit trail: every judgement, newest first, with the mention it judged.
import { el, getJSON, judgementText, showError } from "./common.js";

const tbody = document.querySelector("#judgements tbody");
const more = document.getElementById("more");
let before = null;

async function page() {
  const list = await getJSON("/api/judgements", { limit: 100, before });
  tbody.append(...list.map((j) => el("tr", { class: j.undone_at ? "undone" : "" },
    el("td", {}, String(j.id)),
    el("td", {}, j.at),
    el("td", {}, j.reviewer),
    el("td", {}, el("a", { href: `/mentions/${encodeURIComponent(j.mention_id)}` }, j.mention_id)),
    el("td", {}, judgementText(j)),
    el("td", {}, j.note || ""),
    el("td", {}, j.undone_at ? `${j.undone_at} by ${j.undone_by}` : ""))));
  before = list.length ? list[list.length - 1].id : before;
  more.hidden = list.length < 100;
}

more.addEventListener("click", () => page().catch((error) => showError(document.querySelector("h1"), error)));
page().catch((error) => showError(document.querySelector("h1"), error));
