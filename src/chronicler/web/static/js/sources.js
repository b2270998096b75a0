// The outlets of the stored documents, with their type and affiliation from the outlets pack.
import { el, getJSON, showError } from "./common.js";

const tbody = document.querySelector("#sources tbody");

getJSON("/api/sources")
  .then((rows) => tbody.append(...rows.map((s) => el("tr", {},
    el("td", {}, s.name ? `${s.name} (${s.outlet})` : s.outlet),
    el("td", {}, s.type || "not in the outlets pack"),
    el("td", {}, s.affiliation || ""),
    el("td", {}, String(s.documents)),
    el("td", {}, String(s.claims))))))
  .catch((error) => showError(document.querySelector("h1"), error));
