/* The child's table (subgroup): which one (`me.table`, and the `table` event when the
 * leader moves the child), its badge with the animal, and in critical thinking the idea
 * that table works on. */

import { el, t } from "../common/live.js";
import { app } from "./app.js";
import { queueUpdate } from "./state.js";

export function myTable() {
  const s = app.state;
  if (!s || !s.me || !s.me.table) return null;
  return (s.tables || []).find((tb) => tb.table === s.me.table) || null;
}

/* The idea the child's table works on; undefined when the class is not at tables. */
export function tableIdeaId() {
  const tb = myTable();
  return tb ? tb.idea_id : undefined;
}

export function tableBadge() {
  const tb = myTable();
  if (!tb) return null;
  const node = el("p", { class: "t-table" }, [
    el("span", { class: "t-table-icon", "aria-hidden": "true", text: tb.icon }),
    el("span", { text: t("your_table") + ": " + t("table_" + tb.id) }),
  ]);
  node.style.setProperty("--table-colour", tb.colour);
  return node;
}

export function onTable(data) {
  if (!app.state || !app.state.me || !data) return;
  app.state.me.table = data.table;
  if (app.me) app.me.table = data.table;
  queueUpdate();
}
