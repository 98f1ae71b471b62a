"""CSV cells are never run as formulas; numbers stay numbers."""

import csv
import io

import pytest

from workshop.domain.spreadsheet import csv_text, safe_cell

HOSTILE = ["=1+2", "@SUM(1+1)", "+cmd", "-2+3", "\t=x", "\r=x", "＝1+2"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_in_text_gets_a_quote_in_front(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Sam", "een brug", "1+2", "'al veilig", "", "a=b", " x"])
def test_ordinary_text_is_left_as_it_is(value):
    assert safe_cell(value) == value


def test_numbers_stay_numbers():
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5 and safe_cell(0) == 0
    assert safe_cell(None) == "" and safe_cell(True) is True
    rows = list(csv.reader(io.StringIO(csv_text(["n", "t"], [[-3, "-3"], [12, "=A1"]]))))
    assert rows == [["n", "t"], ["-3", "'-3"], ["12", "'=A1"]]


def test_the_header_and_cells_with_commas_quotes_and_newlines_survive():
    text = csv_text(["=kop", "b"], [['"hoi", zei ze', "regel 1\nregel 2"]])
    assert list(csv.reader(io.StringIO(text))) == [["'=kop", "b"],
                                                   ['"hoi", zei ze', "regel 1\nregel 2"]]
