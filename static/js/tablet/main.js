/* The child's tablet, entry module: join with an avatar and a name, then take part in every
 * step. It only starts things: the frame (shell.js), the socket and its events (session.js,
 * state.js, who.js, removed.js), the step on the screen (render.js, one module per step
 * kind in steps/).
 *
 * Everything a child makes goes through Live.Outbox (one per child per workshop), so it
 * shows at once as "waiting to send" and reaches the server exactly once, even after
 * lost Wi-Fi or a reload. Typed text is kept as a draft until it is sent; a refused item
 * goes back into its input. No visible word is written here: they all come from Live.t.
 */

import Live from "../common/live.js";
import { app, stateKey } from "./app.js";
import { CFG } from "./config.js";
import { onLetBack, onRenamed } from "./removed.js";
import { tick } from "./render.js";
import { onConnect, onDisconnect, onReconnecting, setMe } from "./session.js";
import { startLanguage } from "./lang.js";
import { buildSkeleton, renderTop, showLoading } from "./shell.js";
import { applyState, onMine, onRemoved, onResults, onShared } from "./state.js";
import { store } from "./store.js";
import { onTable } from "./table.js";
import { onJoinAnswer } from "./who.js";
import { onDone } from "./done.js";

function tidyStorage() {
  /* Drafts and cached states of other workshops are of no use any more. Outboxes are
   * never removed here: they may still hold something a child made. */
  try {
    const old = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const m = /^(draft|state):([^:]+)/.exec(key || "");
      if (m && m[2] !== CFG.code) old.push(key);
    }
    old.forEach((key) => localStorage.removeItem(key));
  } catch (e) { /* storage blocked */ }
}

function start() {
  tidyStorage();
  buildSkeleton();
  renderTop();
  startLanguage();
  setTimeout(renderTop, 4100);
  app.socket = Live.connect({ onConnect, onDisconnect, onReconnecting });
  app.socket.on("shared", onShared);
  app.socket.on("results", onResults);
  app.socket.on("mine", onMine);
  app.socket.on("done", onDone);
  app.socket.on("join_answer", onJoinAnswer);
  app.socket.on("removed", onRemoved);
  app.socket.on("let_back", onLetBack);
  app.socket.on("me", onRenamed);
  app.socket.on("table", onTable);
  window.addEventListener("offline", () => {
    app.conn = "offline";
    renderTop();
  });
  window.addEventListener("online", () => {
    if (app.socket.connected) { app.conn = "online"; renderTop(); }
  });
  if (app.token) {
    // Show the last known step at once (also without Wi-Fi); hello brings it up to date.
    const cached = lastState();
    if (cached) { setMe(cached.me); applyState(cached); } else showLoading();
  } else {
    showLoading();
  }
  setInterval(tick, 500);
}

function lastState() {
  /* The last state this tablet saw, if it was for the child whose token it keeps. */
  try {
    const cached = JSON.parse(store.get(stateKey()) || "null");
    if (cached && cached.token === app.token && cached.state &&
        cached.state.workshop_id === CFG.workshop_id) return cached.state;
  } catch (e) { /* nothing cached */ }
  return null;
}

start();
