/* The connection and the child's session: hello with the token on every (re)connect, the
 * child's outbox, forgetting a child, switching child or language. */

import Live, { t } from "../common/live.js";
import { app, deviceId, stateKey } from "./app.js";
import { CFG, LANG, LIMITS, TOKEN_KEY } from "./config.js";
import { showKeySet } from "./join.js";
import { showRemoved } from "./removed.js";
import { hideBanner, renderTop, showBanner, showLoading, showMessageScreen } from "./shell.js";
import { applyState, onRefused, onSent, queueUpdate } from "./state.js";
import { store } from "./store.js";
import { askLeader, chooseEntry } from "./who.js";

export function onConnect() {
  app.conn = "online";
  app.everConnected = true;
  renderTop();
  if (app.asking) askLeader(app.asking); // the leader may have answered meanwhile
  else if (app.token) hello();
  else if (["loading", "message", "removed"].includes(app.screen)) chooseEntry();
}

export function onDisconnect() {
  app.conn = "offline";
  if (app.outbox) app.outbox.detach();
  renderTop();
}

export function onReconnecting() {
  if (app.conn !== "online") { app.conn = "reconnecting"; renderTop(); }
}

export async function hello() {
  if (!app.token || !app.socket.connected) return;
  const seq = ++app.helloSeq;
  const token = app.token;
  let reply;
  try {
    reply = await Live.call(app.socket, "tablet_hello", { code: CFG.code, token: token,
                                                          device: deviceId() });
  } catch (e) {
    setTimeout(() => { if (seq === app.helloSeq && app.socket.connected) hello(); }, 2000);
    return;
  }
  if (seq !== app.helloSeq || token !== app.token) return;
  if (!reply || !reply.ok) {
    if (reply && reply.error === "removed") { showRemoved(reply); return; }
    if (reply && reply.error === "unknown_child") {
      forgetChild();
      chooseEntry();
    } else if (!app.state) {
      showMessageScreen("🙈", (reply && reply.message) || t("error"));
      return;
    }
    showBanner(reply);
    return;
  }
  entered(reply.state);
}

function entered(state) {
  /* the server knows who this tablet speaks for (a hello, or the join's answer) */
  app.removed = false;
  setMe(state.me);
  applyState(state);
  app.outbox.attach(app.socket); // only now: the server knows who sends
  if (state.me.has_key === false) showKeySet(); // after the leader's yes
}

export function setMe(me) {
  if (!app.me || app.me.id !== me.id || !app.outbox) {
    if (app.outbox) app.outbox.detach();
    app.outbox = new Live.Outbox(CFG.code + ":" + me.id, {
      onChange: () => { renderTop(); queueUpdate(); },
      onSent: onSent,
      onRefused: onRefused,
      onRemoved: (reply) => showRemoved(reply),
      // too fast (workshop/live/budget.py): it goes again by itself; the child is told why
      onSlow: (item, reply) => showBanner(reply && reply.message ? reply : t("slow_down")),
      // the server's database is locked for now (db_busy): the item waits, its row shows
      // "waiting to send", and it goes again by itself; the child reads the server's words
      onBusy: (item, reply) => showBanner(reply),
      // no answer for a second (the server waits for its database): the row says "saving..."
      onSaving: (item, on) => {
        if (on) app.saving.add(item.client_id); else app.saving.delete(item.client_id);
        renderTop();
        queueUpdate();
      },
    }, { maxChars: LIMITS.message_chars ? LIMITS.message_chars - 4096 : 0,
         // the page's words for a picture too big, or the same in the language chosen since
         tooBig: () => (window.T && window.T.refusal_image_too_big !== undefined
           ? t("refusal_image_too_big") : LIMITS.too_big) });
  }
  app.me = me;
  if (me.lang && me.lang !== LANG && app.socket.connected) {
    Live.call(app.socket, "lang", { lang: LANG }).catch(() => {});
    me.lang = LANG;
  }
}

function forgetChild() {
  store.del(TOKEN_KEY);
  store.del(stateKey());
  if (app.outbox) app.outbox.detach();
  app.token = null;
  app.me = null;
  app.state = null;
  app.outbox = null;
  app.helloSeq++;
  renderTop();
}

export function useToken(token, state) {
  /* `state`: a join answers with it (the tablet is in its rooms already); else a hello */
  hideBanner(); // a message about the name or the picture is solved now
  app.token = token;
  store.set(TOKEN_KEY, token);
  app.helloSeq++; // an older hello's answer no longer counts
  if (state && app.socket.connected) { entered(state); return; }
  showLoading();
  hello();
}

export function switchChild() {
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  forgetChild();
  chooseEntry();
}

// switching language: lang.js (without a reload)
