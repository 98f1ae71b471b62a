/* An idea's pictures, words and category (ideas, vote, critical and wrap-up steps). */

import { el } from "../common/live.js";
import { app } from "./app.js";
import { picture } from "./ui.js";

export function categoryOf(id) {
  const step = app.state.step;
  return (step.choices || []).find((c) => c.id === id) || null;
}

export function ideaPictures(idea, cls) {
  const pics = [idea.drawing, idea.photo].filter(Boolean);
  if (!pics.length) return null;
  return el("div", { class: cls || "t-idea-pics" }, pics.map((p) => picture(p)));
}

export function ideaText(idea) { return idea.title || idea.text || ""; }
