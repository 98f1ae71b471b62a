/* The news step between the screens and the leader's phone (docs/protocol.md, "News
 * step"): which idea is on lives in this browser; the screen tells the others
 * (`news_shown`) whenever it changes, shows the idea a phone asks for (`news_show`) and
 * follows another screen of the same workshop. */

import { api, store } from "./page.js";

let told = ""; // the last idea this screen said it shows (or followed): step:index:idea

function tell(step, index, count, ideaId) {
  const socket = api.socket;
  told = [step, index, ideaId].join(":");
  if (!socket || !socket.connected || !count) return;
  socket.emit("news_shown", { workshop_id: store.workshopId, index, count,
                              idea_id: ideaId === null ? null : ideaId });
}

/* Called by the news view after each draw: says so when another idea is on. */
export function newsShown(index, count, ideaId) {
  const state = store.state;
  if (!state || state.status !== "live" || state.step.kind !== "news") return;
  if ([state.step_index, index, ideaId].join(":") !== told) {
    tell(state.step_index, index, count, ideaId);
  }
}

/* `currentView()` is the step's view (news has show/index/ideas); `redraw()` the bar. */
export function wireNewsRelay(currentView, redraw) {
  const newsView = (msg) => {
    const view = currentView();
    const state = store.state;
    const here = view && view.show && state && msg && msg.step_index === state.step_index;
    return here ? view : null;
  };
  api.socket.on("news_show", (msg) => {
    const view = newsView(msg);
    if (!view) return;
    if (typeof msg.index === "number" && msg.index !== view.index && view.ideas[msg.index]) {
      view.show(msg.index); // draws, and says so through newsShown
      redraw();
    } else { // "which idea is on?", or that one is on already
      const idea = view.ideas[view.index];
      tell(msg.step_index, view.index, view.ideas.length, idea ? idea.idea_id : null);
    }
  });
  api.socket.on("news_shown", (msg) => {
    const view = newsView(msg);
    if (!view || msg.index === view.index || !view.ideas[msg.index]) return;
    told = [msg.step_index, msg.index, view.ideas[msg.index].idea_id].join(":"); // no echo
    view.show(msg.index);
    redraw();
  });
  api.socket.on("connect", () => { told = ""; }); // back online: say it again
}
