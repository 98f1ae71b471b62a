/* Who are you: the list of this workshop's children, "that's me" with the two secret
 * pictures, asking the leader (the answer comes as `join_answer`). */

import Live, { el, t } from "../common/live.js";
import { app, deviceId } from "./app.js";
import { CFG, LANG } from "./config.js";
import { showJoin } from "./join.js";
import { languageList } from "./lang.js";
import { showRemoved } from "./removed.js";
import { useToken } from "./session.js";
import { hideBanner, showBanner, showLoading, showMessageScreen, showScreen } from "./shell.js";
import { speakButton } from "./speech.js";
import { button, icon } from "./ui.js";

const PictureKey = window.PictureKey; // picture_key.js, a classic script before the modules

export async function chooseEntry() {
  showLoading();
  if (!app.socket.connected) return; // onConnect comes back here
  let reply = null;
  try {
    reply = await Live.call(app.socket, "children", { code: CFG.code, device: deviceId(),
                                                      lang: LANG });
  } catch (e) {
    reply = null;
  }
  if (app.token || app.asking) return; // a hello or a question started meanwhile
  if (reply && !reply.ok) {
    if (reply.error === "removed") { showRemoved(); return; }
    showMessageScreen(reply.error === "workshop_ended" ? "🎉" : "🙈", reply.message);
    return;
  }
  if (reply && reply.pictures) app.pictures = reply.pictures;
  const children = (reply && reply.children) || [];
  if (children.length) showWho(children); else showJoin(false);
}

function showWho(children) {
  const grid = el("div", { class: "t-who-grid" }, children.map((child) =>
    button("t-who", { onclick: () => pick(child) }, [
      icon(child.avatar, "t-who-avatar"),
      el("span", { class: "t-who-name", text: child.name }),
    ])));
  showScreen("who", [
    el("div", { class: "t-title-row" }, [
      el("h1", { class: "t-h1", text: t("who_are_you") }),
      speakButton(() => t("who_are_you")),
    ]),
    grid,
    button("t-big t-new", { onclick: () => showJoin(true) },
           [icon("🙋"), el("span", { text: t("new_here") })]),
    languageRow(),
  ], () => showWho(children));
}

export function languageRow() {
  /* The languages on the join screens too, each name in its own script, with the globe. */
  return el("nav", { class: "t-lang-row", "aria-label": t("choose_language") },
            [icon("🌐", "t-icon t-lang-row-globe"), languageList()]);
}

export async function keyPictures() {
  if (app.pictures) return app.pictures;
  try {
    const reply = await Live.call(app.socket, "children", { code: CFG.code,
                                                            device: deviceId(), lang: LANG });
    if (reply && reply.pictures) app.pictures = reply.pictures;
  } catch (e) { /* offline: the caller says so */ }
  return app.pictures;
}

function whoChip(child) {
  return el("div", { class: "t-key-who" }, [
    icon(child.avatar, "t-key-who-avatar"),
    el("span", { class: "t-key-who-name", text: child.name }),
  ]);
}

export function backButton(onClick) {
  return button("t-btn t-back", { "aria-label": t("prev"), onclick: onClick },
                [icon("←", "t-icon t-flip")]);
}

async function pick(child) {
  /* "That's me": the child taps their two secret pictures, or asks the leader. */
  showLoading();
  const pictures = await keyPictures();
  if (!pictures) { showBanner(t("offline")); chooseEntry(); return; }
  const keyPad = PictureKey.pad({ pictures: pictures, secret: true, label: t("key_enter"),
                                  lead: whoChip(child), onDone: send });
  async function send(key) {
    let reply;
    try {
      reply = await Live.call(app.socket, "pick", { code: CFG.code, participant_id: child.id,
                                                    key: key, device: deviceId(), lang: LANG });
    } catch (e) { showBanner(t("offline")); keyPad.clear(); return; }
    if (reply.ok && reply.token) { useToken(reply.token); return; }
    if (reply.ok && reply.waiting) {
      app.asking = child;
      hideBanner(); // an earlier "not your pictures" is over
      showAsked(child);
      return;
    }
    if (reply.error === "removed") { showRemoved(); return; }
    if (reply.error === "key_locked" || reply.error === "no_key") {
      showBanner(reply);
      askLeader(child);
      return;
    }
    keyPad.shake();
    keyPad.clear();
    showBanner(reply);
  }
  showScreen("key", [
    el("div", { class: "t-title-row" }, [
      backButton(chooseEntry),
      el("h1", { class: "t-h1", text: t("key_enter") }),
      speakButton(() => t("key_enter")),
    ]),
    keyPad.node,
    button("t-big t-ask", { onclick: () => askLeader(child) },
           [icon("🙋"), el("span", { text: t("ask_leader") })]),
  ], () => pick(child));
}

export async function askLeader(child) {
  /* The question shows on the big screen; the answer comes as `join_answer`. Asking
   * again (after a reconnect) is safe and brings the token if the leader said yes. */
  app.asking = child;
  let reply;
  try {
    reply = await Live.call(app.socket, "ask_leader", { code: CFG.code,
                                                        participant_id: child.id,
                                                        device: deviceId(), lang: LANG });
  } catch (e) {
    if (app.asking === child) showAsked(child); // onConnect asks again
    return;
  }
  if (app.asking !== child) return;
  if (reply.ok && reply.token) { app.asking = null; useToken(reply.token); return; }
  if (reply.ok) { if (app.screen !== "asked") showAsked(child); return; }
  app.asking = null;
  if (reply.error === "removed") { showRemoved(); return; }
  showBanner(reply);
  chooseEntry();
}

function showAsked(child) {
  const words = () => t("asked_title") + ". " + t("asked_text");
  showScreen("asked", [
    el("div", { class: "t-title-row" }, [
      backButton(cancelAsk),
      el("h1", { class: "t-h1", text: t("asked_title") }),
      speakButton(words),
    ]),
    el("div", { class: "t-center t-asked" }, [
      el("p", { class: "t-huge t-bounce", "aria-hidden": "true", text: "⏳" }),
      whoChip(child),
      el("p", { class: "t-look" }, [icon("📺"), el("span", { text: t("asked_text") })]),
    ]),
  ], () => showAsked(child));
}

function cancelAsk() {
  app.asking = null;
  hideBanner();
  Live.call(app.socket, "cancel_ask", { code: CFG.code, device: deviceId() })
    .catch(() => { /* offline: the question stays until the leader answers */ });
  chooseEntry();
}

export function onJoinAnswer(data) {
  if (!data || (app.token && !app.asking)) return;
  const asked = app.asking;
  app.asking = null;
  hideBanner();
  if (data.ok && data.token) { useToken(data.token); return; }
  if (!asked) return;
  // the leader's no, in this child's language (the answer carries every language)
  const words = (data.messages && data.messages[LANG]) || data.message || t("error");
  showScreen("message", [el("div", { class: "t-center" }, [
    el("p", { class: "t-huge", "aria-hidden": "true", text: "🙅" }),
    el("div", { class: "t-title-row t-removed-title" }, [
      el("p", { class: "t-lead", text: words }), speakButton(() => words)]),
    button("t-big t-primary", { onclick: chooseEntry },
           [icon("👥"), el("span", { text: t("who_are_you") })]),
  ])]);
}
