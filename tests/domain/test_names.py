"""Made-up friendly names are unique within a group, fit the name limit and pass the filter."""

import random

import pytest

from workshop.domain.names import (
    ADJECTIVES,
    ANIMALS,
    NAME_MAX,
    friendly_name,
    is_generated,
    unique_generated,
)
from workshop.domain.texts import clean_text


def _class(size: int, lang: str, seed: int) -> list[str]:
    rng, taken = random.Random(seed), set()
    for _ in range(size):
        taken.add(friendly_name(lang, taken, rng))
    return sorted(taken)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_class_of_30_never_gets_the_same_name_twice(lang):
    for seed in range(300):
        rng, names = random.Random(seed), []
        for _ in range(30):
            names.append(friendly_name(lang, set(names), rng))
        assert len({n.casefold() for n in names}) == 30


@pytest.mark.parametrize("size", [200, 393, 600])
def test_a_big_group_stays_unique_with_a_number_when_the_pairs_run_out(size):
    names = []
    rng = random.Random(size)
    for _ in range(size):
        names.append(friendly_name("nl", set(names), rng))
    assert len({n.casefold() for n in names}) == size
    assert all(len(n) <= NAME_MAX and is_generated(n) for n in names)
    numbered = [n for n in names if n.split()[-1].isdigit()]
    pairs = sum(len(f"{a[0]} {b[0]}") <= NAME_MAX for a in ADJECTIVES for b in ANIMALS)
    assert len(numbered) == max(0, size - pairs)
    assert all(n.endswith(" 2") for n in numbered)  # the lowest free number first


def test_every_made_up_name_fits_and_passes_the_word_filter():
    for lang in ("nl", "en"):
        for name in _class(800, lang, 1):
            assert clean_text(name, "name") == name


def test_taken_names_are_compared_without_case():
    everything_but_one = {f"{a[1]} {b[1]}".upper() for a in ADJECTIVES for b in ANIMALS}
    everything_but_one.discard("QUICK FOX")
    assert friendly_name("en", everything_but_one, random.Random(3)) == "Quick Fox"


def test_a_name_taken_meanwhile_gets_a_number_and_typed_names_stay():
    taken = {"Snelle Vos", "snelle vos 2", "Sam"}
    assert unique_generated("Snelle Vos", taken) == "Snelle Vos 3"
    assert unique_generated("Blije Uil", taken) == "Blije Uil"
    assert unique_generated("Sam", taken) == "Sam"  # two children may be called Sam
    long_one = "Nieuwsgierige Otter"  # 19 letters: no room for " 2"
    other = unique_generated(long_one, {long_one}, "nl")
    assert other != long_one and is_generated(other) and len(other) <= NAME_MAX
    assert not is_generated("Snelle") and not is_generated("Sam de Vos")
