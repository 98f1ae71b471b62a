/* The leader removed this tablet or child ("ask your teacher"), let it back in, or renamed
 * the child. */

import { el, t } from "../common/live.js";
import { app } from "./app.js";
import { hello } from "./session.js";
import { hideBanner, renderTop, showLoading, showScreen, wordsOf } from "./shell.js";
import { speakButton } from "./speech.js";
import { chooseEntry } from "./who.js";

export function showRemoved(said) {
  /* The leader removed this tablet or child: a friendly stop, until "let back in". `said`:
   * the server's words (the `removed` event carries them in every language, `messages`);
   * kept, so a redraw in another language says them in that one. */
  if (said) app.removedSaid = said;
  app.removed = true;
  app.asking = null;
  if (app.outbox) app.outbox.detach(); // what waits in it stays, for later
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  hideBanner();
  renderTop();
  const lead = wordsOf(app.removedSaid) || t("removed_text");
  const words = () => t("removed_title") + ". " + lead;
  showScreen("removed", [el("div", { class: "t-center t-removed" }, [
    el("p", { class: "t-huge", "aria-hidden": "true", text: "🧑‍🏫" }),
    el("div", { class: "t-title-row t-removed-title" }, [
      el("h1", { class: "t-h1", text: t("removed_title") }),
      speakButton(words),
    ]),
    el("p", { class: "t-lead", text: lead }),
  ])], () => showRemoved());
}

export function onLetBack() {
  if (!app.removed) return;
  app.removed = false;
  app.removedSaid = null;
  renderTop();
  if (app.token) { showLoading(); hello(); } else chooseEntry();
}

export function onRenamed(me) {
  if (!app.me || !me || me.id !== app.me.id) return;
  app.me.name = me.name;
  if (app.state && app.state.me) app.state.me.name = me.name;
  renderTop();
}
