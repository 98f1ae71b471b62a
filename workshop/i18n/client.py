"""The strings the browser scripts show, translated on the server for the page's language.

The scripts in static/js read them from `window.T` (see templates/base.html); no text is
written in the scripts themselves."""

from __future__ import annotations

from flask_babel import gettext as _


def client_strings() -> dict[str, str]:
    """Every text the scripts show, keyed by a short name, in the current language."""
    return {
        # connection and outbox
        "offline": _("No connection. Your work is kept and sent later."),
        "reconnecting": _("Connecting again..."),
        "online": _("Connected"),
        "waiting_send": _("Waiting to send"),
        "sent": _("Sent!"),
        "error": _("Something went wrong. Try again."),
        # joining
        "enter_code": _("Type the code from the big screen"),
        "go": _("Go"),
        "pick_avatar": _("Pick your animal"),
        "your_name": _("Your first name"),
        "make_name": _("Make up a name for me"),
        "join": _("Join"),
        "who_are_you": _("Who are you?"),
        "new_here": _("I am new here"),
        "not_me": _("Switch child"),
        "hello_name": _("Hi %(name)s!"),
        "read_aloud": _("Read aloud"),
        "language": _("Language"),
        # steps on the tablet
        "wait_for_screen": _("Look at the big screen"),
        "send": _("Send"),
        "type_answer": _("Type your answer"),
        "type_idea": _("Type your idea"),
        "draw": _("Draw"),
        "photo": _("Photo"),
        "clear": _("Clear"),
        "done": _("Done"),
        "remove": _("Remove"),
        "category": _("Kind of idea"),
        "my_ideas": _("My ideas"),
        "my_answers": _("My answers"),
        "votes_left": _("Votes left: %(n)s"),
        "no_votes_left": _("All your votes are used"),
        "tap_to_vote": _("Tap an idea to give it a vote"),
        "waiting_approval": _("Waiting for the leader"),
        "hidden_by_leader": _("Hidden by the leader"),
        "locked": _("Pens down! Look at the big screen."),
        "ended": _("The workshop has ended. Thank you!"),
        "love": _("Love it"),
        "like": _("Nice"),
        "hmm": _("Not for me"),
        "answer_question": _("Tap a question and type your answer"),
        "idea_for": _("About this idea"),
        "top_ideas": _("Our best ideas"),
        "votes": _("votes"),
        "children": _("children"),
        # classroom screen and leader controls
        "join_at": _("Go to"),
        "code": _("Code"),
        "joined": _("joined"),
        "next": _("Next"),
        "prev": _("Back"),
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
        "nothing_yet": _("Nothing here yet"),
        "from_workshop": _("from workshop"),
        "shortlisted": _("On the shortlist"),
        "keys_help": _("Keys: arrows = step, space = timer, L = lock, R = results, "
                       "M = moderation, F = full screen"),
        # --- tablet (more) ---
        # --- screen (more) ---
    }
