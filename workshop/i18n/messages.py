"""Why something was refused, in words for the reader. What a child can meet is marked
`lazy_child_gettext`: it is translated into every child language."""

from __future__ import annotations

from flask_babel import lazy_gettext

from ..domain.errors import Refused
from . import LazyChildString, child_gettext, lazy_child_gettext

_MESSAGES = {
    "text_empty": lazy_child_gettext("Type something first."),
    "text_too_long": lazy_child_gettext("That is too long. Use at most %(maximum)s letters."),
    "text_invalid": lazy_child_gettext("That text cannot be used."),
    "text_bad_word": lazy_child_gettext("Please use kind words."),
    "image_invalid": lazy_child_gettext("That picture did not work. Try another one."),
    "image_too_big": lazy_child_gettext("That picture is too big. Try a smaller one."),
    "wrong_code": lazy_child_gettext("That code does not work. Check the code on the big screen."),
    "workshop_ended": lazy_child_gettext("This workshop has ended. Thank you for joining!"),
    "workshop_not_started": lazy_child_gettext("The workshop has not started yet. Wait a moment."),
    "workshop_live": lazy_gettext("This workshop is already running."),
    "other_workshop_live": lazy_gettext("Another workshop of this series is still running. "
                                        "End it first."),
    "step_changed": lazy_child_gettext("The screen has moved on. Look at the big screen."),
    "input_locked": lazy_child_gettext("Pens down! The leader paused sending for a moment."),
    "unknown_choice": lazy_child_gettext("That choice is not here any more."),
    "no_votes_left": lazy_child_gettext("You have used all your votes."),
    "idea_vote_limit": lazy_child_gettext("You cannot give this idea more votes."),
    "no_vote_here": lazy_child_gettext("There is no vote to take back here."),
    "idea_gone": lazy_child_gettext("That idea is not on the wall any more."),
    "idea_merged": lazy_child_gettext("That idea was merged into another one."),
    "merge_invalid": lazy_gettext("These ideas cannot be merged."),
    "avatar_invalid": lazy_child_gettext("Pick one of the animals."),
    "unknown_child": lazy_child_gettext("We do not know you in this group yet. Join again."),
    # who may be a child on a tablet (domain/identity.py)
    "key_invalid": lazy_child_gettext("Tap two different secret pictures."),
    "key_needed": lazy_child_gettext("Tap your two secret pictures."),
    "key_wrong": lazy_child_gettext("Those are not your pictures. You can try %(left)s more "
                              "times."),
    "key_locked": lazy_child_gettext("Too many tries. Ask the leader on the big screen."),
    "no_key": lazy_child_gettext("You have no secret pictures yet. Ask the leader."),
    "key_exists": lazy_child_gettext("You already have secret pictures."),
    "removed": lazy_child_gettext("This tablet is paused. Ask your teacher."),
    "declined": lazy_child_gettext("The leader said no. Pick your own name."),
    "request_gone": lazy_child_gettext("That question was answered already or taken back."),
    "child_removed": lazy_gettext("This child was removed from the workshop. Let the child "
                                  "back in first."),
    "bad_request": lazy_child_gettext("Something went wrong. Try again."),
    "slow_down": lazy_child_gettext("Not so fast! Wait a moment and try again."),
    "db_busy": lazy_child_gettext("Saving takes longer than usual. Your work is kept and "
                                  "sent again by itself."),
    "not_found": lazy_child_gettext("That was not found."),
    "forbidden": lazy_child_gettext("You are not allowed to do that."),
    "login_required": lazy_gettext("Please log in."),
    "login_failed": lazy_gettext("Wrong username or password."),
    "username_invalid": lazy_gettext("Choose a username without spaces."),
    "username_taken": lazy_gettext("That username is taken."),
    "password_short": lazy_gettext("The password needs at least %(minimum)s characters."),
    "password_mismatch": lazy_gettext("The two passwords are not the same."),
    "role_invalid": lazy_gettext("Unknown role."),
    "age_invalid": lazy_gettext("Give an age range between 4 and 18."),
    "plan_missing": lazy_gettext("There is no plan called %(name)s."),
    "plan_broken": lazy_gettext("This plan has an error: %(error)s"),
    "plan_wrong_kind": lazy_gettext("Plan %(name)s is for another workshop."),
    "plan_name_invalid": lazy_gettext("Use lowercase letters, digits and dashes for the name."),
    "plan_name_taken": lazy_gettext("A plan with that name exists already."),
    "plan_not_own": lazy_gettext("Shipped plans cannot be edited. Make a copy first."),
    "no_such_step": lazy_gettext("There is no step there."),
    "unknown_action": lazy_gettext("Unknown action."),
    "tables_count_invalid": lazy_gettext("Choose from %(minimum)s to %(maximum)s tables, or "
                                         "none."),
    "no_tables": lazy_gettext("Make tables first."),
    "no_such_table": lazy_gettext("There is no such table."),
    "no_cloud_here": lazy_gettext("Only a question wall can be shown as a word cloud."),
    "timer_minutes_invalid": lazy_gettext("Set the timer to a whole number of minutes, "
                                          "from 1 to %(maximum)s."),
    # the network board
    "stage_invalid": lazy_gettext("That column does not exist."),
    "stage_same": lazy_gettext("The idea is already in that column."),
    "stage_jump": lazy_gettext("Move the idea one column at a time."),
    "reason_needed": lazy_gettext("Write a short reason a child understands."),
    "owner_needed": lazy_gettext("A partner has to adopt the idea first."),
    "owner_exists": lazy_gettext("Another partner already adopted this idea."),
    "select_first": lazy_gettext("Select the idea before a partner adopts it."),
    "offer_status_invalid": lazy_gettext("That status does not follow from the current one."),
    "amount_invalid": lazy_gettext("Type an amount in euros, like 250 or 1.250,50."),
    "amount_not_positive": lazy_gettext("The amount has to be more than zero."),
    "amount_too_big": lazy_gettext("That amount is too large. Check for a typing mistake."),
    "help_kind_invalid": lazy_gettext("Choose what kind of help you offer."),
    "money_invalid": lazy_gettext("Choose pledged or received, and where the money comes from."),
    "partner_needed": lazy_gettext("Choose a partner of this network."),
    "milestone_invalid": lazy_gettext("Choose a kind of milestone."),
    "date_invalid": lazy_gettext("Give a date like 2027-03-01."),
    "wrong_poll_code": lazy_child_gettext("That code does not work. Check the code you got."),
    "poll_closed": lazy_child_gettext("This feedback round is closed. Thank you!"),
    "invite_invalid": lazy_gettext("This invitation link was used already or has expired."),
    "domain_invalid": lazy_gettext("Choose the kind of organisation."),
    "email_invalid": lazy_gettext("That e-mail address does not look right."),
    "weeks_invalid": lazy_gettext("Give a number of weeks from 1 to 52."),
    "other_network": lazy_gettext("This group already belongs to another network."),
    "already_shipped": lazy_gettext("These ideas were just shipped. Look at the board."),
    "publish_address_invalid": lazy_gettext("Type the whole web address, starting with "
                                            "https://, like https://www.school.nl/ideas"),
    # a laptop and the network server
    "pairing_code_invalid": lazy_gettext("That pairing code does not work: it was used "
                                         "already, has expired or was typed wrong. Ask the "
                                         "advisor for a new one."),
    "key_unknown": lazy_gettext("The network server does not know this laptop. Pair it "
                                "again with a new code from the advisor."),
    "key_revoked": lazy_gettext("The advisor ended this laptop's link to the network. Ask "
                                "for a new pairing code."),
    "key_other_network": lazy_gettext("This laptop is paired with another network. These "
                                      "ideas cannot go to this one."),
    "shipment_broken": lazy_gettext("This shipment file is damaged or not a shipment. "
                                    "Nothing was added. Download it again on the laptop."),
    "shipment_too_big": lazy_gettext("This shipment is too big. Ship fewer ideas at once."),
    "shipment_format": lazy_gettext("This shipment comes from another version of the "
                                    "program. Update the laptop and ship again."),
    "server_unreachable": lazy_gettext("The network server cannot be reached. The ideas "
                                       "wait on this laptop and go later by themselves."),
    "server_not_network": lazy_gettext("That address does not answer like a network server. "
                                       "Check the address."),
    "server_error": lazy_gettext("The network server refused this. Try again later."),
    "address_invalid": lazy_gettext("Type an address like https://netwerk.voorbeeld.nl."),
    "link_revoked": lazy_gettext("This laptop's link to the network has ended. Pair again."),
    "nothing_to_ship": lazy_gettext("There is nothing to ship. Put ideas on the shortlist "
                                    "first."),
}


def message(refusal: Refused) -> str:
    """The refusal as a sentence in the current language."""
    text = _MESSAGES.get(refusal.code)
    if text is None:
        return child_gettext("Something went wrong. Try again.")
    return str(text) % refusal.detail if refusal.detail else str(text)


def is_child_text(code: str) -> bool:
    """Whether the refusal `code` is worded for a child (complete in every child language)."""
    return isinstance(_MESSAGES.get(code), LazyChildString)


def child_refusals() -> dict[str, str]:
    """The words of every refusal a child may meet, current language, placeholders kept
    (`%(maximum)s`): a tablet that switches language words what is on its screen again."""
    return {code: str(text) for code, text in _MESSAGES.items()
            if isinstance(text, LazyChildString)}


def error_body(refusal: Refused) -> dict:
    """The wire form of a refusal: its code, message and the facts in it (`detail`)."""
    body = {"ok": False, "error": refusal.code, "message": message(refusal)}
    if refusal.detail:
        body["detail"] = {key: str(value) for key, value in refusal.detail.items()}
    return body
