/* Step kind `welcome` (also a planned workshop): hello with the child's animal, look at the
 * big screen. */

import { el, t } from "../../common/live.js";
import { app } from "../app.js";
import { icon } from "../ui.js";

export function welcomeView() {
  const me = app.me;
  return {
    kind: "welcome",
    words: () => [t("hello_name", { name: me.name }), t("wait_for_screen")],
    node: el("div", { class: "t-welcome" }, [
      el("div", { class: "t-wave" }, [
        el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: me.avatar }),
        el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "👋" }),
      ]),
      el("p", { class: "t-lead", text: t("hello_name", { name: me.name }) }),
      el("p", { class: "t-look" }, [icon("📺"), el("span", { text: t("wait_for_screen") })]),
    ]),
  };
}
