/* Step kind `ideas`: words, a category, a drawing and a photo; my ideas below with their
 * status. */

import { el, t } from "../../common/live.js";
import { app, draftKey } from "../app.js";
import { drawingPad } from "../drawing.js";
import { draftBox } from "../draft_box.js";
import { categoryOf } from "../idea.js";
import { mineSection, ownEntries, statusBadge } from "../mine.js";
import { photoPicker } from "../photo.js";
import { send } from "../state.js";
import { button, icon, picture, pressed, text } from "../ui.js";

const IDEA_LETTERS = 280; // domain/texts.py LIMITS["idea"]

// what the child chose besides the words (the kind of idea, a photo), kept while the step
// is rebuilt in another language; the words and the drawing are drafts in localStorage
const kept = { key: null, category: null, picker: null };

export function ideasView() {
  const step = app.state.step;
  const textKey = draftKey("idea");
  const drawKey = draftKey("drawing");

  let category = null;
  const cats = (step.choices || []).map((c) => {
    const b = button("t-cat", { "aria-pressed": "false", onclick: () => pickCategory(c.id) },
                     [icon(c.icon, "t-cat-icon"), el("span", { class: "t-cat-label",
                                                               text: text(c.label) })]);
    b.dataset.id = c.id;
    return b;
  });
  function pickCategory(id) {
    category = category === id ? null : id;
    cats.forEach((b) => pressed(b, b.dataset.id === category));
    kept.category = category;
  }

  const pad = drawingPad(drawKey);
  const photo = photoPicker();
  if (kept.key === textKey) { // the same step built again (another language)
    const before = kept.category;
    const shot = kept.picker && kept.picker.value();
    if (before) pickCategory(before);
    if (shot) photo.set(shot);
  } else {
    kept.category = null;
  }
  kept.key = textKey;
  kept.picker = photo;

  const words = draftBox(textKey, "type_idea", IDEA_LETTERS, (typed) => {
    const payload = { text: typed };
    if (category) payload.category = category;
    if (pad.drawn()) payload.drawing = pad.toDataURL();
    if (photo.value()) payload.photo = photo.value();
    const added = send("idea", payload);
    if (added) scrollToMine = "c" + added.client_id;
    pickCategory(null);
    pad.clear();
    photo.clear();
  });

  // send and "I'm done" (render.js puts it in) side by side, in view while the child draws
  const actions = el("div", { class: "t-ideas-actions" }, [words.sendButton]);
  const mine = mineSection("my_ideas", "💡");
  let scrollToMine = null; // show the child where the idea they just sent went
  const node = el("div", { class: "t-ideas" }, [
    el("div", { class: "t-ideas-compose" }, [
      el("div", { class: "t-ideas-words" }, [
        words.box,
        words.letters.node,
        el("h2", { class: "t-h3" }, [icon("🏷"), el("span", { text: t("category") })]),
        el("div", { class: "t-cats", role: "group", "aria-label": t("category") }, cats),
        photo.node,
      ]),
      el("div", { class: "t-ideas-pics" }, [pad.node]),
      actions,
    ]),
    mine.node,
  ]);
  return {
    node: node,
    doneSlot: actions,
    words: () => [t("type_idea"), (step.choices || []).length
      ? t("category") + ": " + step.choices.map((c) => text(c.label)).join(", ") : ""],
    update() {
      mine.show(ownEntries("idea"), (e) => {
        const src = e.item ? (e.item.drawing || e.item.photo) :
          (e.payload.drawing || e.payload.photo);
        const second = e.item ? (e.item.drawing && e.item.photo) :
          (e.payload.drawing && e.payload.photo);
        const cat = categoryOf((e.item || e.payload).category);
        return [
          el("div", { class: "t-thumbs" }, [
            src ? picture(src, "t-thumb") : el("span", { class: "t-thumb t-thumb-none",
                                                         "aria-hidden": "true", text: "💡" }),
            second ? picture(second, "t-thumb") : null,
          ]),
          el("div", { class: "t-mine-words" }, [
            el("p", { class: "t-mine-text" }, [cat ? icon(cat.icon) : null, " ",
                                               e.text || ""]),
            statusBadge(e.status),
          ]),
        ];
      });
      if (scrollToMine) {
        const row = mine.node.querySelector('[data-key="' + CSS.escape(scrollToMine) + '"]');
        scrollToMine = null;
        if (row) row.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    },
    restore(item) {
      if (item.what !== "idea") return;
      const p = item.payload || {};
      words.putBack(p.text || "");
      if (p.category) { category = null; pickCategory(p.category); }
      if (p.drawing && !pad.drawn()) pad.load(p.drawing);
      if (p.photo && !photo.value()) photo.set(p.photo);
    },
  };
}
