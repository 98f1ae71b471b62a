/* Step kind `news`: what became of the group's shipped ideas, one idea at a time.
 * The leader's next/back (→ ←, PageDown/PageUp, the buttons) go through the ideas first;
 * after the last one "next" goes on to the next step, before the first one "back" to the
 * step before. Coming back from the next step shows the last idea. No auto-advance: the
 * leader tells about each idea and moves on when the children have seen it. The leader's
 * phone goes through them too: news_relay.js. */

import { el, t } from "../../common/live.js";
import { emptyState } from "../builders.js";
import { shrinkToFit } from "../fit.js";
import { newsShown } from "../news_relay.js";
import { store } from "../page.js";

function stageText(kind, idea) {
  const known = window.T && window.T["stage_label_" + idea.stage] !== undefined;
  const stage = known ? idea.stage : "new";
  const partner = idea.owner || t("stage_someone");
  if (kind === "label" && stage === "not_now" && idea.reason_says_not_now) return t("st_not_now");
  if (kind === "sentence" && stage === "not_now") return idea.reason || "";
  return t("stage_" + kind + "_" + stage, { partner });
}

function niceDate(iso, withTime) {
  const when = iso ? new Date(iso) : null;
  if (!when || isNaN(when.getTime())) return "";
  const opts = { day: "numeric", month: "long", year: "numeric" };
  if (withTime) Object.assign(opts, { hour: "2-digit", minute: "2-digit" });
  try { return when.toLocaleString(window.LANG || "nl", opts); } catch (e) { return when.toLocaleString(); }
}

function newsTrack(idea, track) {
  return el("ol", { class: "news-track", "aria-hidden": "true" }, (track || []).map((s, k) =>
    el("li", { class: k < idea.track_step ? "done" : k === idea.track_step ? "now" : "todo" }, [
      el("span", { class: "news-dot", text: s.icon }),
    ])));
}

function newsSlide(idea, news, index, count, dots, updated) {
  const notNow = idea.stage === "not_now";
  const title = idea.title || idea.text || "";
  const showText = idea.title && idea.text && idea.text.trim() !== idea.title.trim();
  const sentence = stageText("sentence", idea);
  const latest = idea.latest;
  const latestDate = latest ? niceDate(latest.at, false) : "";
  return el("section", { class: "news-slide stage-" + idea.stage, "data-idea": String(idea.idea_id),
                         "data-stage": idea.stage }, [
    el("div", { class: "news-pic" + (idea.picture ? "" : " no-pic") }, [
      idea.picture ? el("img", { src: idea.picture, alt: "" }) : el("span", { "aria-hidden": "true", text: "💡" }),
    ]),
    el("div", { class: "news-words" }, [
      count > 1 ? el("div", { class: "news-top" }, [
        el("p", { class: "news-count", text: t("idea_n_of_m", { n: index + 1, m: count }) }), dots,
      ]) : null,
      el("h2", { class: "news-title" + (title.length > 48 ? " long" : ""), text: title }),
      showText ? el("p", { class: "news-quote", text: "“" + idea.text + "”" }) : null,
      el("div", { class: "news-status" }, [
        el("span", { class: "news-status-icon", "aria-hidden": "true", text: idea.icon || "💡" }),
        el("div", { class: "news-status-words" }, [
          el("p", { class: "news-status-label", text: stageText("label", idea) }),
          sentence ? el("p", { class: "news-status-sentence", text: sentence }) : null,
          idea.owner && !notNow && idea.stage !== "adopted"
            ? el("p", { class: "news-owner" }, ["🤝 " + t("who_makes_it") + " ", el("strong", { text: idea.owner })])
            : null,
          notNow ? el("p", { class: "news-owner", text: "💛 " + t("not_now_thanks") }) : null,
        ]),
      ]),
      notNow ? null : newsTrack(idea, news.track),
      latest ? el("div", { class: "news-latest" }, [
        el("p", { class: "news-latest-head", text: "📣 " + (idea.owner ? t("news_from", { partner: idea.owner }) : t("news")) +
                                                   (latestDate ? " · " + latestDate : "") }),
        el("p", { class: "news-latest-text", text: latest.text }),
      ]) : null,
      updated ? el("p", { class: "news-updated", text: "🕒 " + updated }) : null,
    ]),
  ]);
}

export const news = {
  mount(box, state, cameBack) {
    this.box = box;
    this.ideas = [];
    this.index = cameBack ? Number.MAX_SAFE_INTEGER : 0;
    this.currentId = null;
    this.sig = null;
  },
  update(state) {
    const news = state.news || { ideas: [], fetched_at: null, track: [] };
    this.ideas = news.ideas || [];
    // the same idea stays on the screen when the news changes meanwhile
    const known = this.ideas.findIndex((i) => i.idea_id === this.currentId);
    if (known >= 0) this.index = known;
    this.index = Math.max(0, Math.min(this.index, this.ideas.length - 1));
    const idea = this.ideas[this.index] || null;
    this.currentId = idea ? idea.idea_id : null;
    newsShown(this.index, this.ideas.length, this.currentId); // the phones and other screens
    const sig = JSON.stringify([idea, this.index, this.ideas.length, news.fetched_at, news.track,
                                window.innerWidth, window.innerHeight]);
    if (sig === this.sig) return;
    this.sig = sig;
    const updated = news.fetched_at ? t("last_updated", { date: niceDate(news.fetched_at, true) }) : "";
    const dots = this.ideas.length > 1 ? el("span", { class: "news-dots" }, this.ideas.map((i, k) =>
      el("button", { type: "button", class: "news-jump" + (k === this.index ? " on" : ""), "data-news": String(k),
                     "aria-label": t("idea_n_of_m", { n: k + 1, m: this.ideas.length }),
                     "aria-current": k === this.index ? "true" : null }))) : null;
    this.box.replaceChildren(idea ? newsSlide(idea, news, this.index, this.ideas.length, dots, updated)
      : emptyState("📭", t("no_news")));
    const words = this.box.querySelector(".news-words");
    if (words) shrinkToFit(words, ["", "fit1", "fit2", "fit3", "fit4", "fit5"]);
  },
  /* true when there is an idea `delta` away (so next/back stay in this step) */
  canGo(delta) {
    const target = this.index + delta;
    return target >= 0 && target < this.ideas.length;
  },
  go(delta) {
    if (!this.canGo(delta)) return false;
    this.show(this.index + delta);
    return true;
  },
  show(k) {
    const idea = this.ideas[k];
    if (!idea) return;
    this.index = k;
    this.currentId = idea.idea_id;
    this.update(store.state);
  },
};
