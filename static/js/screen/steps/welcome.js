/* Step kind `welcome`: the QR code, the address and the code to join, the children who
 * joined. */

import { el, t } from "../../common/live.js";
import { shrinkToFit } from "../fit.js";
import { joinHost, L, root } from "../page.js";

export const welcome = {
  mount(box, state) {
    const code = state.code || root.dataset.code || "";
    const address = joinHost + "/j/" + code;
    this.count = el("p", { class: "w-count" });
    this.kids = el("ul", { class: "w-kids" });
    box.appendChild(el("section", { class: "welcome" }, [
      el("div", { class: "w-qr" }, [
        el("img", { src: "/j/" + encodeURIComponent(code) + "/qr.png", alt: t("join_at") + " " + address }),
      ]),
      el("div", { class: "w-info" }, [
        el("p", { class: "w-label", text: "📱 " + t("join_at") }),
        el("p", { class: "w-addr", dir: "ltr", text: address }),
        el("p", { class: "w-label", text: "🔑 " + t("code") }),
        el("p", { class: "w-code", dir: "ltr", text: code }),
        this.count,
      ]),
      this.kids,
    ]));
  },
  update(state) {
    const kids = state.children || [];
    this.count.textContent = "👋 " + t("n_joined", { n: kids.length });
    L.keyed(this.kids, kids, (c) => c.id, (c) => el("li", { class: "kid" }, [
      el("span", { class: "kid-avatar", "aria-hidden": "true", text: c.avatar || "🙂" }),
      el("span", { class: "kid-name", text: c.name || "" }),
    ]), (c) => c.avatar + "|" + c.name);
    shrinkToFit(this.kids, ["", "many", "lots", "tiny"]);
  },
};
