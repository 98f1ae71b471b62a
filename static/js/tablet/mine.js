/* "What I made" under a step: newest first, what still waits in the outbox and what the
 * server has, each with its status (waiting, saving, sent, waiting for approval, hidden). */

import { el, t } from "../common/live.js";
import { app } from "./app.js";
import { pending } from "./state.js";
import { icon } from "./ui.js";

function statusOf(visibility) {
  if (visibility === "pending") return "pending";
  if (visibility === "hidden") return "hidden";
  return "sent";
}

const STATUS = {
  waiting: ["⏳", "waiting_send"],
  saving: ["💾", "saving"], // sent, the server has not answered for a second (its database)
  sent: ["✅", "sent"],
  pending: ["🕒", "waiting_approval"],
  hidden: ["🙈", "hidden_by_leader"],
};

export function statusBadge(status) {
  const [symbol, key] = STATUS[status];
  return el("span", { class: "t-status is-" + status }, [icon(symbol), el("span", { text: t(key) })]);
}

export function ownEntries(what) {
  /* Newest first: what still waits in the outbox, then what the server has. */
  const out = pending(what).slice().reverse().map((i) => ({
    key: "c" + i.client_id, status: app.saving.has(i.client_id) ? "saving" : "waiting",
    text: i.payload.text, payload: i.payload, item: null,
  }));
  (app.state.mine || []).slice().reverse().forEach((m) => out.push({
    key: "i" + m.id, status: statusOf(m.visibility), text: m.text, payload: null, item: m,
  }));
  return out;
}

export function mineSection(titleKey, symbol) {
  const list = el("ul", { class: "t-mine-list" });
  const section = el("section", { class: "t-mine", hidden: true }, [
    el("h2", { class: "t-h2" }, [icon(symbol), el("span", { text: t(titleKey) })]),
    list,
  ]);
  return {
    node: section,
    show(entries, rowOf) {
      section.hidden = entries.length === 0;
      list.replaceChildren(...entries.map((e) =>
        el("li", { class: "t-mine-item is-" + e.status, "data-key": e.key }, rowOf(e))));
    },
  };
}
