/* The tablet's one state object (`app`), the skeleton's nodes (`dom`) and the keys it
 * keeps things under in localStorage. */

import { newId } from "../common/live.js";
import { CFG, DEVICE_KEY, TOKEN_KEY } from "./config.js";
import { store } from "./store.js";

export const app = {
  socket: null,
  token: store.get(TOKEN_KEY),
  me: null,
  state: null,
  outbox: null,
  conn: "reconnecting",
  screen: "loading",
  view: null,
  viewKey: null,
  offset: 0,
  helloSeq: 0,
  updateQueued: false,
  everConnected: false,
  startedAt: Date.now(),
  removed: false,  // the leader removed this tablet or child: "ask your teacher"
  asking: null,    // the child this tablet asked the leader to be, while waiting
  pictures: null,  // the nine pictures of the picture key (from `children`)
  saving: new Set(), // client ids sent but not answered for a second: "saving..."
  removedSaid: null, // the server's words with "removed" (every language), for a redraw
};

export const dom = {};

export function deviceId() {
  /* Made once and kept; reloading or "switch child" keeps it (see docs/protocol.md). */
  let id = store.get(DEVICE_KEY);
  if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
    id = app.device || newId();
    store.set(DEVICE_KEY, id);
  }
  app.device = id;
  return id;
}

export function draftKey(extra) {
  return "draft:" + CFG.code + ":" + (app.me ? app.me.id : "-") + ":" +
    (app.state ? app.state.step_index : "-") + (extra ? ":" + extra : "");
}

export function stateKey() { return "state:" + CFG.code; }
