/* The classroom screen, entry module: the current step in huge type for the whole room,
 * with the leader's control bar, keyboard shortcuts and the moderation drawer. It only
 * wires the parts together, in this order: page.js connects (imported first), then the
 * news-aware next/back (and the phone's, news_relay.js), rendering on every change of the
 * store, the timer, the clicks, the resize, the idle bar and the keys. The views are in steps/, one module per step kind.
 */

import { store } from "./page.js";
import { schedule, tick, view } from "./render.js";
import { renderControls, stepThroughNews, wireClicks, wireResize } from "./controls.js";
import { wireNewsRelay } from "./news_relay.js";
import { wake, wireIdleBar, wireKeys } from "./keys.js";

stepThroughNews();
wireNewsRelay(() => view, () => renderControls(store.state));
store.on(schedule);
setInterval(tick, 250);
wireClicks();
wireResize();
wireIdleBar();
wireKeys();
wake();
