"""Cleaning what children type, the word filter and generated names."""

import random

import pytest

from workshop.domain.errors import Refused
from workshop.domain.names import friendly_name
from workshop.domain.texts import clean_text
from workshop.domain.wordfilter import bad_words


def test_text_is_trimmed_and_control_characters_go():
    cleaned = clean_text("  een\x00 brug\u202e voor\tinsecten \r\n", "idea")
    assert cleaned == "een brug voor insecten"
    assert clean_text("regel 1\n\n\n\nregel 2", "idea") == "regel 1\n\nregel 2"
    assert clean_text("Sam\nmy", "name") == "Sam my"


def test_html_is_kept_as_text_for_the_page_to_escape():
    assert clean_text("<script>alert(1)</script>", "idea") == "<script>alert(1)</script>"


@pytest.mark.parametrize("value, code", [
    ("", "text_empty"), ("   \n ", "text_empty"), (None, "text_empty"),
    ("x" * 281, "text_too_long"), (42, "text_invalid"), (["a"], "text_invalid"),
])
def test_bad_text_is_refused_with_a_reason(value, code):
    with pytest.raises(Refused) as caught:
        clean_text(value, "idea")
    assert caught.value.code == code


def test_too_long_says_the_limit():
    with pytest.raises(Refused) as caught:
        clean_text("x" * 21, "name")
    assert caught.value.detail == {"maximum": 20}


@pytest.mark.parametrize("text", ["jij bent een K@NKER", "shit man", "fuuuuck", "kankerzooi",
                                  "k a n k e r", "tering", "SH1T"])
def test_word_filter_catches_dutch_and_english(text):
    assert bad_words(text)


@pytest.mark.parametrize("text", ["Scunthorpe", "kunst en cultuur", "een doos met lego",
                                  "grappig", "kookles", "een kakelende kip", "skills",
                                  "Sussex", "klassiek"])
def test_word_filter_leaves_ordinary_words(text):
    assert not bad_words(text)


def test_friendly_names_are_two_words_and_avoid_taken_ones():
    rng = random.Random(4)
    name = friendly_name("nl", rng=rng)
    assert len(name.split()) == 2
    taken = {friendly_name("nl", rng=random.Random(i)) for i in range(50)}
    assert friendly_name("nl", taken=taken, rng=rng) not in taken
    assert friendly_name("en", rng=random.Random(1)).split()[1] in {
        "Fox", "Owl", "Panda", "Dolphin", "Tiger", "Hedgehog", "Otter", "Giraffe", "Penguin",
        "Koala", "Zebra", "Lion", "Frog", "Butterfly", "Whale", "Parrot", "Turtle", "Squirrel",
        "Flamingo", "Camel"}
