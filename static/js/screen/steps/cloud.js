/* The question wall as a word cloud: the words the server counted (domain/wordcloud.py:
 * hidden answers and those waiting for approval do not count), bigger the more answers
 * use them, the biggest in the middle. Plain HTML and CSS: the words wrap in rows, so
 * none overlaps another; when they do not all fit, the least used leave the screen (a
 * word is never drawn smaller than the smallest size, readable from the back). */

import { el, t } from "../../common/live.js";
import { emptyState } from "../builders.js";

const COLOURS = 6;

function hue(word) {
  let h = 0;
  for (const ch of word) h = (h * 31 + ch.codePointAt(0)) % 9973;
  return h % COLOURS;
}

export const cloud = {
  mount(box) {
    this.list = el("ul", { class: "cloud", "aria-label": t("word_cloud") });
    this.empty = emptyState("☁️", t("cloud_empty"));
    box.append(this.list, this.empty);
    this.sig = null;
  },
  update(state) {
    const words = state.words || [];
    this.empty.hidden = words.length > 0;
    this.list.hidden = !words.length;
    const sig = JSON.stringify(words) + window.innerWidth + "x" + window.innerHeight;
    if (sig === this.sig) return;
    this.sig = sig;
    const middleOut = [];
    words.forEach((w, i) => { if (i % 2) middleOut.push(w); else middleOut.unshift(w); });
    this.list.replaceChildren(...middleOut.map((w) => {
      const node = el("li", { class: "cloud-word lvl" + w.level + " k" + hue(w.word), dir: "auto",
                              title: String(w.count) }, [w.word]);
      node.dataset.rank = String(words.indexOf(w));
      return node;
    }));
    requestAnimationFrame(() => fitCloud(this.list));
  },
};

function fitCloud(list) {
  /* the least used words leave until the rest fits */
  const byRank = Array.from(list.children).sort((a, b) => b.dataset.rank - a.dataset.rank);
  for (const node of byRank) {
    if (list.scrollHeight <= list.clientHeight + 1 && list.scrollWidth <= list.clientWidth + 1) break;
    node.hidden = true;
  }
}
