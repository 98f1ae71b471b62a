"""The strings the browser scripts show, translated on the server for the page's language.

The scripts in static/js read them from `window.T` (see templates/base.html); no text is
written in the scripts themselves. A text a child reads (tablet, feedback page, progress
page, spotlight) is marked `_c` / `_cn`: it must be translated into every child language
(tests/web/test_translations.py) and `child_strings` is the tablet's catalogue."""

from __future__ import annotations

from flask_babel import force_locale, get_translations
from flask_babel import gettext as _

from ..domain.languages import CHILD
from . import stages
from .messages import child_refusals


class _Child(str):
    """A text a child reads."""


class _ChildCounts(dict):
    """Both count forms of a text a child reads."""


def _n(singular: str, plural: str) -> dict[str, str]:
    """Both forms of a count text, untouched placeholders; the script picks by number."""
    translations = get_translations()
    return {"one": translations.ngettext(singular, plural, 1),
            "other": translations.ngettext(singular, plural, 2)}


def _c(text: str) -> _Child:
    """A text a child reads, in the current language."""
    return _Child(_(text))


def _cn(singular: str, plural: str) -> _ChildCounts:
    """A count text a child reads, both forms."""
    return _ChildCounts(_n(singular, plural))


def child_strings() -> dict[str, str | dict[str, str]]:
    """The texts of the children's pages only (the tablet's catalogue), current language."""
    return {key: value for key, value in client_strings().items()
            if isinstance(value, (_Child, _ChildCounts))}


def child_catalogue(lang: str) -> dict[str, str | dict[str, str]]:
    """The tablet's catalogue in `lang`, one of the child languages."""
    if lang not in CHILD:
        raise ValueError(lang)
    with force_locale(lang):
        return child_strings()


def client_strings() -> dict[str, str | dict[str, str]]:
    """Every text the scripts show, keyed by a short name, in the current language."""
    return {
        # connection and outbox
        "offline": _c("No connection. Your work is kept and sent later."),
        "reconnecting": _c("Connecting again..."),
        "online": _c("Connected"),
        "waiting_send": _c("Waiting to send"),
        # an item sent but not yet answered after a second: the server waits for its database
        "saving": _c("Saving..."),
        "sent": _c("Sent!"),
        "error": _c("Something went wrong. Try again."),
        # every refusal a child may meet (refusal_<code>), to word it again in another language
        **{"refusal_" + code: _Child(text) for code, text in child_refusals().items()},
        # joining
        "enter_code": _c("Type the code from the big screen"),
        "go": _c("Go"),
        "pick_avatar": _c("Pick your animal"),
        "your_name": _c("Your first name"),
        "make_name": _c("Make up a name for me"),
        "join": _c("Join"),
        "who_are_you": _c("Who are you?"),
        "new_here": _c("I am new here"),
        "not_me": _c("Switch child"),
        "hello_name": _c("Hi %(name)s!"),
        "read_aloud": _c("Read aloud"),
        "no_voice": _c("No voice for this language on this tablet."),
        "language": _c("Language"),
        "choose_language": _c("Choose your language"),
        "privacy_link": _c("What do we keep about you?"),
        "image_invalid": _c("That picture did not work. Try another one."),
        # refusals a child meets on the tablet itself, in words (the server's are in
        # i18n/messages.py and come with the answer)
        "text_empty": _c("Type something first."),
        "text_too_long": _c("That is too long. Use at most %(maximum)s letters."),
        "letters_left": _c("Letters left: %(n)s"),
        "pick_animal_first": _c("Pick one of the animals."),
        "name_first": _c("Type your first name, or tap the dice."),
        "slow_down": _c("Not so fast! Wait a moment and try again."),
        # steps on the tablet
        "wait_for_screen": _c("Look at the big screen"),
        "send": _c("Send"),
        "type_answer": _c("Type your answer"),
        "type_idea": _c("Type your idea"),
        "draw": _c("Draw"),
        "photo": _c("Photo"),
        "clear": _c("Clear"),
        "done": _c("Done"),
        "remove": _c("Remove"),
        "category": _c("Kind of idea"),
        "my_ideas": _c("My ideas"),
        "my_answers": _c("My answers"),
        "votes_left": _c("Votes left: %(n)s"),
        "no_votes_left": _c("All your votes are used"),
        "tap_to_vote": _c("Tap an idea to give it a vote"),
        "waiting_approval": _c("Waiting for the leader"),
        "hidden_by_leader": _c("Hidden by the leader"),
        "locked": _c("Pens down! Look at the big screen."),
        "ended": _c("The workshop has ended. Thank you!"),
        "love": _c("Love it"),
        "like": _c("Nice"),
        "hmm": _c("Not for me"),
        "answer_question": _c("Tap a question and type your answer"),
        "idea_for": _c("About this idea"),
        "top_ideas": _c("Our best ideas"),
        "votes": _c("votes"),
        "children": _c("children"),
        # classroom screen and leader controls
        "join_at": _("Go to"),
        "code": _("Code"),
        "joined": _("joined"),
        "next": _("Next"),
        "prev": _c("Back"),
        "start_timer": _("Start timer"),
        "pause_timer": _("Pause timer"),
        "add_minute": _("+1 minute"),
        "lock": _("Lock input"),
        "unlock": _("Unlock input"),
        "reveal": _("Show results"),
        "hide_results": _("Hide results"),
        "approval_on": _("Approve before showing"),
        "approval_off": _("Show at once"),
        "hide": _("Hide"),
        "show": _("Show"),
        "approve": _("Approve"),
        "shortlist": _("Shortlist"),
        "unshortlist": _("Off the shortlist"),
        "merge": _("Merge into..."),
        "merge_pick": _("Tap the idea to merge this one into"),
        "edit_title": _("Edit title"),
        "new_title": _("New title for this idea"),
        "end": _("End workshop"),
        "end_confirm": _("End this workshop? Children can no longer send anything."),
        "waiting": _("waiting for approval"),
        "results_hidden": _("Results are hidden until the leader shows them"),
        "voted": _("have voted"),
        "step": _("Step"),
        "of": _("of"),
        "focus": _("Work out this idea"),
        "fullscreen": _("Full screen"),
        "moderation": _("Moderation"),
        "nothing_yet": _c("Nothing here yet"),
        "from_workshop": _("from workshop"),
        "shortlisted": _("On the shortlist"),
        "vote_on_shortlist": _("The children choose from the shortlist"),
        "n_on_wall": _("%(n)s in all; the newest %(shown)s are on the screen"),
        "n_ranked": _("%(n)s ideas; the top %(shown)s are on the screen"),
        "keys_help": _("Keys: arrows = step, space = timer, L = lock, R = results, "
                       "M = moderation, F = full screen"),
        # --- tablet (more) ---
        "thanks": _c("Thank you for thinking along!"),
        "eraser": _c("Eraser"),
        "brush": _c("Brush size"),
        "colour": _c("Colour"),
        "add_vote": _c("Give a vote"),
        "unvote": _c("Take a vote back"),
        "close": _c("Close"),
        "time_left": _c("Time left"),
        "your_votes": _c("Your votes"),
        # "I'm done": the big button on every input step, and what the leader sees
        "im_done": _c("I'm done"),
        "im_done_yes": _c("Done! You can still add more."),
        "not_done": _c("Not done yet"),
        "n_done": _("%(n)s of %(m)s done"),
        "still_busy": _("Still busy"),
        "all_done": _("Everyone is done!"),
        "results_live": _("Results show live"),
        # --- screen (more) ---
        "step_of": _("Step %(n)s of %(m)s"),
        "n_joined": _("%(n)s joined"),
        "n_children": _n("%(n)s child", "%(n)s children"),
        "n_waiting": _n("%(n)s waits for approval", "%(n)s wait for approval"),
        "n_voted": _n("%(n)s child has voted", "%(n)s children have voted"),
        "paused": _("Paused"),
        "time_up": _("Time is up!"),
        "cancel": _c("Cancel"),
        "merged_into": _("Merged into: %(title)s"),
        "no_focus": _("Put ideas on the shortlist to work them out here"),
        "answers": _("Answers"),
        "ideas": _("Ideas"),
        "go_to_step": _("Go to step"),
        "is_locked": _("Input is locked"),
        "is_approval": _("Approval is on"),
        "is_revealed": _("Results are shown"),
        "more": _("More"),
        # --- who may be a child: the picture key, asking the leader, removed tablets ---
        "key_choose": _c("Choose 2 secret pictures"),
        "key_choose_hint": _c("Remember them. Tell no one!"),
        "key_enter": _c("Tap your 2 secret pictures"),
        "key_again": _c("Start again"),
        "key_slot": _c("Secret picture %(n)s"),
        "ask_leader": _c("Ask the leader"),
        "asked_title": _c("Wait a moment"),
        "asked_text": _c("The leader says yes or no on the big screen."),
        "removed_title": _c("Ask your teacher"),
        "removed_text": _c("This tablet is paused. Ask your teacher to let you back in."),
        # the animals to pick on the join page, named for screen readers
        "animal_fox": _c("fox"),
        "animal_owl": _c("owl"),
        "animal_panda": _c("panda"),
        "animal_dolphin": _c("dolphin"),
        "animal_tiger": _c("tiger"),
        "animal_hedgehog": _c("hedgehog"),
        "animal_otter": _c("otter"),
        "animal_giraffe": _c("giraffe"),
        "animal_penguin": _c("penguin"),
        "animal_koala": _c("koala"),
        "animal_zebra": _c("zebra"),
        "animal_lion": _c("lion"),
        "animal_frog": _c("frog"),
        "animal_butterfly": _c("butterfly"),
        "animal_whale": _c("whale"),
        "animal_parrot": _c("parrot"),
        "animal_turtle": _c("turtle"),
        "animal_squirrel": _c("squirrel"),
        "animal_flamingo": _c("flamingo"),
        "animal_camel": _c("camel"),
        "animal_octopus": _c("octopus"),
        "animal_unicorn": _c("unicorn"),
        "animal_bee": _c("bee"),
        "animal_ladybird": _c("ladybird"),
        "pic_apple": _c("apple"),
        "pic_bike": _c("bike"),
        "pic_ball": _c("ball"),
        "pic_rainbow": _c("rainbow"),
        "pic_fish": _c("fish"),
        "pic_moon": _c("moon"),
        "pic_rocket": _c("rocket"),
        "pic_icecream": _c("ice cream"),
        "pic_balloon": _c("balloon"),
        "req_title": _("%(name)s wants to join on a new tablet"),
        "req_in_use": _("%(name)s is on another tablet right now"),
        "req_locked": _("Tapped the wrong secret pictures 3 times"),
        "req_no_key": _("Has no secret pictures yet"),
        "req_forgot": _("Forgot the secret pictures"),
        "yes": _c("Yes"),
        "no": _c("No"),
        "n_more_requests": _n("%(n)s more question", "%(n)s more questions"),
        "children_title": _("Children"),
        "remove_child": _("Remove tablet"),
        "remove_confirm": _("Remove the tablet of %(name)s from this workshop? It shows "
                            "\"ask your teacher\" until you let it back in."),
        "let_back": _("Let back in"),
        "removed_badge": _("Removed"),
        "hide_all": _("Hide all"),
        "hide_all_confirm": _("Hide everything %(name)s made?"),
        "rename": _("Rename"),
        "new_name": _("New name for %(name)s"),
        "n_hidden": _n("%(n)s item hidden", "%(n)s items hidden"),
        # --- tables (subgroups) and the word cloud ---
        "your_table": _c("Your table"),
        "table_foxes": _c("Foxes"),
        "table_whales": _c("Whales"),
        "table_frogs": _c("Frogs"),
        "table_bees": _c("Bees"),
        "table_octopuses": _c("Octopuses"),
        "table_flamingos": _c("Flamingos"),
        "table_tigers": _c("Tigers"),
        "table_bears": _c("Bears"),
        "tables": _("Tables"),
        "tables_none": _("No tables"),
        "tables_split": _("Split the class into tables"),
        "tables_move_hint": _("Tap a child, then the table it moves to"),
        "tables_no_table": _("No table yet"),
        "tables_idea": _("Idea of this table"),
        "tables_ideas_auto": _("Share the ideas over the tables"),
        "tables_no_idea": _("No idea yet: give this table an idea"),
        "n_questions_of": _("%(n)s of %(m)s questions"),
        "n_children_of": _("%(n)s of %(m)s children answered"),
        "word_cloud": _("Word cloud"),
        "notes_view": _("Notes"),
        "cloud_empty": _("The words of the answers appear here"),
        # --- public ---
        "fb_sending": _c("Sending..."),
        "fb_offline": _c("No connection. Your answer is kept and sent in a moment."),
        "fb_pick_face": _c("Tap a face first."),
        "spot_pause": _c("Pause"),
        "spot_play": _c("Play"),
        # --- board ---
        "st_new": _("New"),
        "st_selected": _("Selected"),
        "st_adopted": _("Adopted"),
        "st_planned": _("Planned"),
        "st_intro": _("Intro activity"),
        "st_running": _("Running"),
        "st_evaluated": _("Evaluated"),
        "st_not_now": _("Not now"),
        "help_space": _("A space"),
        "help_materials": _("Materials"),
        "help_people": _("People"),
        "help_promotion": _("Promotion"),
        "help_money": _("Money"),
        "offer_offered": _("Offered"),
        "offer_agreed": _("Agreed"),
        "offer_delivered": _("Delivered"),
        "offer_withdrawn": _("Withdrawn"),
        "idea_n_of_m": _("Idea %(n)s of %(m)s"),
        "n_votes": _cn("%(n)s vote", "%(n)s votes"),
        "owner_is": _("Project owner: %(name)s"),
        "fits_us": _("This fits us"),
        "fits_us_done": _("It fits us!"),
        "tap_to_undo": _("tap to take back"),
        "nobody_yet": _("nobody yet"),
        "no_offers_yet": _("No offers yet"),
        "offer_sent": _("Thank you! Your offer is on the big screen."),
        "fit_sent": _("Noted: this fits you."),
        "fit_taken_back": _("Taken back."),
        "new_idea_shown": _("A new idea is on the screen."),
        "not_now_reason": _("Not now, because: %(reason)s"),
        "saved": _("Saved"),
        # --- the news step: what became of the group's shipped ideas ---
        **{key: _Child(text) for key, text in stages.client_strings().items()},
        "news": _c("News"),
        "news_from": _c("News from %(partner)s"),
        "who_makes_it": _c("Who makes it happen?"),
        "not_now_thanks": _c("Thank you for this idea! Maybe it can happen another time."),
        "last_updated": _c("Last updated: %(date)s"),
        "no_news": _c("There is no news about your ideas yet."),
        "news_on_screen": _c("There you see what happened to your ideas."),
        "news_keys": _("Keys: arrows = next or previous idea, after the last one the next "
                       "step; space = timer, M = moderation, F = full screen"),
        # the leader's phone in the news step
        "news_on_screen_n": _("On the screen: idea %(n)s of %(m)s"),
        "news_next_idea": _("Next idea"),
        "news_prev_idea": _("Previous idea"),
    }
