"""The word cloud of a question wall: counting words in plain Python."""

from workshop.domain import wordcloud
from workshop.domain.wordcloud import cloud, words


def _cloud(*texts, lang="nl"):
    return {w.word: w.count for w in cloud((t, lang) for t in texts)}


def test_a_word_counts_once_per_answer_without_case_and_little_words():
    got = _cloud("Een VOETBALVELD bij de school", "voetbalveld!!", "Voetbalveld voetbalveld",
                 "dansen en zingen")
    assert got == {"voetbalveld": 3, "school": 1, "dansen": 1, "zingen": 1}


def test_english_stop_words_and_words_with_apostrophes_or_hyphens():
    got = _cloud("A skate park for the kids", "the skate-park", "kids' disco", lang="en")
    assert got == {"skate": 1, "park": 1, "kids": 2, "skate-park": 1, "disco": 1}


def test_the_spelling_children_used_most_is_shown():
    shown = [w.word for w in cloud([("Dansen", "nl"), ("Dansen", "nl"), ("dansen", "nl")])]
    assert shown == ["Dansen"]


def test_turkish_i_arabic_marks_and_polish_letters_are_words():
    assert words("İSTANBUL Istanbul ılık", "tr") == [("istanbul", "İSTANBUL"),
                                                     ("ıstanbul", "Istanbul"), ("ılık", "ılık")]
    assert [k for k, _ in words("الْمَكْتَبَة في المكتبة", "ar")] == ["المكتبة"]
    assert [k for k, _ in words("ŻÓŁW i żółw, zamek", "pl")] == ["żółw", "zamek"]


def test_digits_alone_are_no_words_and_rude_words_stay_out():
    assert _cloud("10 keer 3 ijsjes", "kanker ijsjes") == {"keer": 1, "ijsjes": 2}


def test_most_used_first_with_sizes_by_count_and_a_limit():
    answers = [("muziek", "nl")] * 6 + [("theater", "nl")] * 3 + [("sport", "nl")]
    got = cloud(answers)
    assert [(w.word, w.count, w.level) for w in got] == [
        ("muziek", 6, wordcloud.LEVELS), ("theater", 3, 3), ("sport", 1, 1)]
    many = [(f"woord{chr(97 + n // 26)}{chr(97 + n % 26)}", "nl") for n in range(100)]
    assert len(cloud(many)) == wordcloud.LIMIT


def test_no_answers_no_cloud():
    assert cloud([]) == [] and cloud([("de het een", "nl")]) == []
