/* Little builders shared by the step views: notes and idea cards with their author, the
 * ideas shown (visible, from the shortlist), the idea in focus, "n more on the wall",
 * numbers that bump when they change. */

import { el, t } from "../common/live.js";
import { L } from "./page.js";

export const NOTE_COLOURS = 6;

export function rotation(id) {
  return ((id * 37) % 7 - 3) * 0.5;
}

export function author(item, cls) {
  const a = item.author || {};
  return el("span", { class: "who " + (cls || "") }, [
    el("span", { class: "who-avatar", "aria-hidden": "true", text: a.avatar || "🙂" }),
    el("span", { class: "who-name", text: a.name || "" }),
  ]);
}

export function ideaWordsNodes(idea, cls) {
  const box = el("div", { class: "idea-words " + (cls || "") });
  if (idea.title) {
    box.appendChild(el("strong", { class: "idea-title", text: idea.title }));
    if (idea.text && idea.text !== idea.title) box.appendChild(el("span", { class: "idea-text sub", text: idea.text }));
  } else {
    box.appendChild(el("span", { class: "idea-text", text: idea.text || "" }));
  }
  return box;
}

export function ideaCard(idea, state, cls) {
  const pic = L.picture(idea);
  const icon = L.categoryIcon(idea, state);
  const card = el("article", { class: "idea " + (cls || "") + (pic ? " has-pic" : "") + (idea.shortlisted ? " starred" : ""),
                               "data-idea": String(idea.id) });
  if (pic) card.appendChild(el("div", { class: "idea-pic" }, [el("img", { src: pic, alt: "" })]));
  card.appendChild(ideaWordsNodes(idea));
  card.appendChild(el("div", { class: "idea-foot" }, [
    author(idea),
    el("span", { class: "idea-badges", "aria-hidden": "true" }, [
      idea.merged_count ? el("span", { class: "idea-merged", text: "🔗" + (idea.merged_count + 1) }) : null,
      idea.shortlisted ? el("span", { text: "⭐" }) : null,
      icon ? el("span", { class: "idea-cat", text: icon }) : null,
    ]),
  ]));
  return card;
}

export function ideaSig(idea) {
  return [idea.title, idea.text, idea.photo, idea.drawing, idea.shortlisted, idea.merged_count,
          idea.author && idea.author.avatar, idea.author && idea.author.name].join("|");
}

export function emptyState(icon, words) {
  return el("div", { class: "empty" }, [
    el("span", { class: "empty-icon", "aria-hidden": "true", text: icon }),
    el("p", { text: words }),
  ]);
}

export function shownIdeas(state) {
  const shown = (state.ideas || []).filter(L.isShown);
  // Vote and critical steps: once the leader made a shortlist, the children choose from it.
  return state.from_shortlist ? shown.filter((i) => i.shortlisted) : shown;
}

export function bump(node, value) {
  if (node.textContent === String(value)) return;
  const first = node.textContent === "";
  node.textContent = String(value);
  if (!first) {
    node.classList.remove("bump");
    void node.offsetWidth; // restart the animation
    node.classList.add("bump");
  }
}

/* A projector stays readable: at most WALL_MAX cards on a wall. With more, it shows the
   newest and says how many there are (300 ideas made 300 unreadable tiles). */
const WALL_MAX = 48;
export const RANK_MAX = 30;

export function moreLine(icon) {
  const line = el("p", { class: "wall-more" });
  line.hidden = true;
  line.dataset.icon = icon;
  return line;
}

export function newestOnWall(items, line, newestFirst) {
  line.hidden = items.length <= WALL_MAX;
  line.textContent = line.dataset.icon + " " + t("n_on_wall", { n: items.length, shown: WALL_MAX });
  return newestFirst ? items.slice(0, WALL_MAX) : items.slice(-WALL_MAX);
}

export function focusIdea(state) {
  let idea = (state.ideas || []).find((i) => i.id === state.focus_idea_id);
  let guard = 0;
  while (idea && idea.merged_into && guard < 10) {
    const next = idea.merged_into;
    idea = (state.ideas || []).find((i) => i.id === next);
    guard += 1;
  }
  return idea && L.isShown(idea) ? idea : null;
}
