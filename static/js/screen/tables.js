/* The tables on the classroom screen: the leader's 🪑 button opens the tables over the
 * wall as groups of avatars (make them, move a child, give a table its idea: the shared
 * panel of tables_panel.js); the ☁️ button of a question wall; the `cloud` and
 * `table_progress` events into the store. */

import { el, t } from "../common/live.js";
import { api, root, store } from "./page.js";

const T = window.LeaderTables;
const box = el("section", { class: "s-tables", hidden: true });
root.appendChild(box);
const panel = T.panel(api, box);
T.watch(api);
store.on(() => { if (!box.hidden) panel.draw(); });

export function toggleTables(force) {
  box.hidden = typeof force === "boolean" ? !force : !box.hidden;
  if (!box.hidden) panel.draw();
  store.emit("tables");
}

/* The bar's buttons of this feature (controls.js adds them to its own). */
export function tableButtons() {
  return T.buttons(api).concat([{ id: "tables", icon: "🪑", label: t("tables"),
                                  pressed: !box.hidden, run: () => toggleTables() }]);
}
