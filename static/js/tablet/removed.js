/* The leader removed this tablet or child ("ask your teacher"), let it back in, or renamed
 * the child. */

import { el, t } from "../common/live.js";
import { app } from "./app.js";
import { hello } from "./session.js";
import { hideBanner, renderTop, showLoading, showScreen } from "./shell.js";
import { speakButton } from "./speech.js";
import { chooseEntry } from "./who.js";

export function showRemoved() {
  /* The leader removed this tablet or child: a friendly stop, until "let back in". */
  app.removed = true;
  app.asking = null;
  if (app.outbox) app.outbox.detach(); // what waits in it stays, for later
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  hideBanner();
  renderTop();
  const words = () => t("removed_title") + ". " + t("removed_text");
  showScreen("removed", [el("div", { class: "t-center t-removed" }, [
    el("p", { class: "t-huge", "aria-hidden": "true", text: "🧑‍🏫" }),
    el("div", { class: "t-title-row t-removed-title" }, [
      el("h1", { class: "t-h1", text: t("removed_title") }),
      speakButton(words),
    ]),
    el("p", { class: "t-lead", text: t("removed_text") }),
  ])], showRemoved);
}

export function onLetBack() {
  if (!app.removed) return;
  app.removed = false;
  renderTop();
  if (app.token) { showLoading(); hello(); } else chooseEntry();
}

export function onRenamed(me) {
  if (!app.me || !me || me.id !== app.me.id) return;
  app.me.name = me.name;
  if (app.state && app.state.me) app.state.me.name = me.name;
  renderTop();
}
