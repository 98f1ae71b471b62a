/* Step kind `news`: the news is on the big screen; the tablet says to look there, and
 * reads that aloud. */

import { el, t } from "../../common/live.js";
import { speakButton } from "../speech.js";
import { icon } from "../ui.js";

export function newsView() {
  /* The news is on the big screen; the tablet says to look there, and reads it aloud. */
  const words = () => t("wait_for_screen") + ". " + t("news_on_screen");
  return {
    kind: "news",
    node: el("div", { class: "t-welcome t-news" }, [
      el("div", { class: "t-wave" }, [
        el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: "📺" }),
        el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "👀" }),
      ]),
      el("p", { class: "t-lead", text: t("wait_for_screen") }),
      el("p", { class: "t-look" }, [icon("💡"), el("span", { text: t("news_on_screen") })]),
      el("div", { class: "t-news-speak" }, [speakButton(words)]),
    ]),
  };
}
