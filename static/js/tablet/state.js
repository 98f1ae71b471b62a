/* The workshop state from the server (hello, `shared`, `results`, `mine`) and what the
 * child sends: pending items in the outbox, send(), results merged in, refused items put
 * back; queueUpdate() redraws the current step once per microtask. */

import Live, { t } from "../common/live.js";
import { app, stateKey } from "./app.js";
import { CFG } from "./config.js";
import { showRemoved } from "./removed.js";
import { render } from "./render.js";
import { hello } from "./session.js";
import { renderTop, showBanner } from "./shell.js";
import { store } from "./store.js";

export function applyState(state) {
  app.offset = state.timer && state.timer.server_now
    ? state.timer.server_now - Date.now() / 1000 : 0;
  app.state = state;
  if (app.me && app.token) {
    // A small cache to show the step at once after a reload; never at the cost of room
    // for the outbox, so large states are not kept.
    const json = JSON.stringify({ token: app.token, state: state });
    if (json.length < 150000) store.set(stateKey(), json); else store.del(stateKey());
  }
  render();
}

async function own() {
  /* The child's own items in the step the screen just moved to (the rest came along). */
  let reply;
  try { reply = await Live.call(app.socket, "tablet_own", {}); } catch (e) { hello(); return; }
  if (!reply || !reply.ok || !app.state) { hello(); return; }
  if (reply.step_index !== app.state.step_index) { hello(); return; }
  app.state.mine = reply.own.mine || [];
  app.state.my_votes = reply.own.my_votes || {};
  app.state.done = Boolean(reply.own.done);
  queueUpdate();
}

export function onShared(data) {
  if (!app.state || !data || data.workshop_id !== CFG.workshop_id) return;
  if (typeof data.version === "number" && data.version < app.state.version) return;
  const stepChanged = data.step_index !== app.state.step_index;
  data.me = app.state.me;
  data.mine = stepChanged ? [] : app.state.mine;
  data.my_votes = stepChanged ? {} : app.state.my_votes;
  data.done = stepChanged ? false : app.state.done;
  applyState(data);
  // A new step needs the child's own items. (When the leader hides or approves what
  // this child made, the server sends it as `mine`.)
  if (stepChanged) own();
}

export function onResults(data) {
  if (!app.state || !app.state.revealed || !data) return;
  if (typeof data.step_index === "number" && data.step_index !== app.state.step_index) return;
  if (data.tally) app.state.tally = data.tally;
  if (data.counts) app.state.counts = data.counts;
  queueUpdate();
}

function mergeResult(result) {
  /* A result of one of this child's submissions (this tablet or another one). */
  const s = app.state;
  if (!s || !result) return;
  const item = result.item;
  if (item && item.step === s.step_index) {
    s.mine = (s.mine || []).filter((m) => m.id !== item.id);
    s.mine.push(item);
    s.mine.sort((a, b) => a.id - b.id);
  }
  if (result.my_votes && s.step.kind === "vote") s.my_votes = result.my_votes;
  if (result.undone && item && item.step === s.step_index) s.done = false; // busy again
  queueUpdate();
}

export function onMine(result) { mergeResult(result); }

export function onRemoved(data) { showRemoved(data); } // data: the words in every language

export function onSent(item, result) {
  if (app.state && item.step_index === app.state.step_index) mergeResult(result);
  renderTop();
}

export function onRefused(item, reply) {
  showBanner(reply.message ? reply : t("error"));
  if (reply.error === "too_big" || reply.error === "image_too_big") {
    // the words come back into the box; the pictures that cannot go do not
    item = Object.assign({}, item, { payload: Object.assign({}, item.payload,
                                                            { photo: null, drawing: null }) });
  }
  if (!app.state) return;
  if (item.step_index === app.state.step_index && app.view && app.view.restore) {
    app.view.restore(item);
  } else if (item.payload && item.payload.text) {
    // Keep the words for that step: they are back in the box when it comes again.
    const key = "draft:" + CFG.code + ":" + (app.me ? app.me.id : "-") + ":" +
      item.step_index + (item.what === "critical" ? ":" + item.payload.idea_id + ":" +
      item.payload.question : "");
    const before = store.get(key) || "";
    store.set(key, before ? item.payload.text + "\n" + before : item.payload.text);
  }
  queueUpdate();
}

export function pending(what) {
  if (!app.outbox || !app.state) return [];
  return app.outbox.items().filter((i) => i.what === what &&
                                           i.step_index === app.state.step_index);
}

export function send(what, payload) {
  if (!app.outbox || !app.state) return null;
  return app.outbox.add(CFG.workshop_id, what, app.state.step_index, payload);
}

export function queueUpdate() {
  if (app.updateQueued) return;
  app.updateQueued = true;
  Promise.resolve().then(() => {
    app.updateQueued = false;
    if (app.view && app.view.update) app.view.update();
  });
}
