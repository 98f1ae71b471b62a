"""Where a shipped idea stands, in words for an eight-year-old.

One place for these words: the progress page, the poster and the spotlight use
`stage_words`; the classroom screen's news step gets the same texts through
`client_strings` (placeholders untouched; `%(partner)s` is the idea's owner)."""

from __future__ import annotations

from ..domain.board import Stage
from ..domain.news import says_not_now, stage_icon
from . import child_gettext


def stage_texts() -> dict[str, tuple[str, str]]:
    """Label and sentence of every stage in the current language, `%(partner)s` untouched.
    "Not now" has no sentence of its own: the advisor's reason is said instead."""
    return {
        Stage.NEW: (child_gettext("The grown-ups are looking at it"),
                    child_gettext("People in the neighbourhood are reading your idea right now.")),
        Stage.SELECTED: (child_gettext("Chosen!"),
                         child_gettext("The grown-ups picked this idea. Now they look for "
                                 "someone to make it happen.")),
        Stage.ADOPTED: (child_gettext("%(partner)s will make it happen"),
                        child_gettext("%(partner)s said: we are going to do this!")),
        Stage.PLANNED: (child_gettext("It is being planned"),
                        child_gettext("They are looking for a place, a day and people to help.")),
        Stage.INTRO: (child_gettext("Try-out!"),
                      child_gettext("There is a first try-out. Come and try it!")),
        Stage.RUNNING: (child_gettext("It's on!"),
                        child_gettext("Your idea is really happening now!")),
        Stage.EVALUATED: (child_gettext("Done! Now we look back"),
                          child_gettext("It happened. Now everyone says what was fun and what "
                                  "can be better.")),
        Stage.NOT_NOW: (child_gettext("Not now, because …"), ""),
    }


def someone() -> str:
    """Who makes an idea happen when no partner is named yet."""
    return child_gettext("Someone in the neighbourhood")


def stage_words(stage: str, owner: str | None = None, reason: str = "") -> dict:
    """Where an idea stands, in words for an eight-year-old: icon, short label, sentence."""
    texts = stage_texts()
    label, sentence = texts.get(stage, texts[Stage.NEW])
    partner = owner or someone()
    label, sentence = (words.replace("%(partner)s", partner) for words in (label, sentence))
    if stage == Stage.NOT_NOW:
        label = child_gettext("Not now") if says_not_now(reason) else label
        sentence = reason
    return {"stage": stage, "icon": stage_icon(stage), "label": label, "sentence": sentence}


def client_strings() -> dict[str, str]:
    """The stage words for the browser scripts (window.T): `stage_label_<stage>` and
    `stage_sentence_<stage>`, and who makes it happen when nobody is named."""
    out = {"stage_someone": someone()}
    for stage, (label, sentence) in stage_texts().items():
        out[f"stage_label_{stage}"] = label
        out[f"stage_sentence_{stage}"] = sentence
    return out
