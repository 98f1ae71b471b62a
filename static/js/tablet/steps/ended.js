/* The workshop has ended (not a step kind: render.js shows it for status `ended`). */

import { el, t } from "../../common/live.js";
import { app } from "../app.js";

export function endedView() {
  return {
    kind: "ended",
    node: el("div", { class: "t-welcome t-ended" }, [
      el("div", { class: "t-wave" }, [
        el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: app.me.avatar }),
        el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "🎉" }),
      ]),
      el("p", { class: "t-lead", text: t("ended") }),
    ]),
  };
}
