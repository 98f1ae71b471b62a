/* "I'm done": one big button under every input step. The mark is the child's (every tablet
 * of the child shows it) and the step's; sending something new in the step takes it away
 * on the server, and here at once. The leader sees who is still busy (docs/protocol.md). */

import Live, { el, t } from "../common/live.js";
import { app } from "./app.js";
import { showBanner } from "./shell.js";
import { pending, queueUpdate } from "./state.js";
import { button, icon, pressed } from "./ui.js";

export const INPUT_KINDS = ["question", "poll", "cards", "ideas", "vote", "critical"];
const SENDS = { question: ["answer"], poll: ["poll"], cards: ["reaction"], ideas: ["idea"],
                vote: ["vote", "unvote"], critical: ["critical"] };

export function takesDone(state) {
  return Boolean(state && state.status === "live" && INPUT_KINDS.includes(state.step.kind));
}

function waiting(kind) {
  /* Something of this step still on its way: it undoes "done" when it arrives. */
  return (SENDS[kind] || []).some((what) => pending(what).length > 0);
}

export function doneBar() {
  const symbol = icon("🏁", "t-done-icon");
  const label = el("span", { class: "t-done-label", text: t("im_done") });
  const b = button("t-done", { "aria-pressed": "false", onclick: toggle }, [symbol, label]);
  const note = el("p", { class: "t-done-note", "aria-live": "polite" });
  let busy = false;

  function update() {
    const s = app.state;
    if (!s) return;
    if (s.done && waiting(s.step.kind)) s.done = false; // adding more: busy again
    const done = Boolean(s.done);
    pressed(b, done);
    symbol.textContent = done ? "✅" : "🏁";
    b.title = done ? t("not_done") : t("im_done");
    b.disabled = busy || Boolean(s.locked) || (!done && waiting(s.step.kind));
    note.textContent = done ? t("im_done_yes") : "";
    note.hidden = !done;
  }

  async function toggle() {
    const s = app.state;
    if (!s || busy) return;
    if (!app.socket || !app.socket.connected) { showBanner(t("offline")); return; }
    const want = !s.done;
    s.done = want;
    busy = true;
    update();
    let reply = null;
    try {
      reply = await Live.call(app.socket, "done", { step_index: s.step_index, done: want });
    } catch (e) { /* no answer: as refused */ }
    busy = false;
    if (!reply || !reply.ok) {
      if (app.state === s) s.done = !want;
      showBanner(reply && reply.message ? reply : t("error"));
    }
    queueUpdate();
    update();
  }

  return { node: el("div", { class: "t-done-bar" }, [b, note]), update };
}

export function onDone(change) {
  /* The child said it on another tablet, or sent something new in the step. */
  const s = app.state;
  if (!s || !change || change.step_index !== s.step_index) return;
  if (app.me && change.child_id !== app.me.id) return;
  s.done = Boolean(change.done);
  queueUpdate();
}
