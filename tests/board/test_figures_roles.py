"""Who sees which figures: the programme's are for admins; a network's for admins and that
network's advisor and partners; leaders see none. Every answer through the real pages."""

import csv
import io

import pytest

from workshop.domain.board import may_see_figures
from workshop.services import accounts, network
from workshop.store.board_models import Network
from workshop.store.models import User

from .test_board_web import as_user


@pytest.fixture
def other_network(hood):
    with hood.db.begin() as dbs:
        return network.create_network(dbs, hood.admin, "Schilderswijk")["id"]


def _status(client, path):
    return client.get(path).status_code


@pytest.mark.parametrize("who, programme, own, other", [
    ("admin", 200, 200, 200),
    ("adviseur", 403, 200, 403),
    ("bieb", 403, 200, 403),      # a partner
    ("juf", 403, 403, 403),       # a leader, even one placed in the network
])
def test_each_role_sees_what_is_theirs(app, hood, other_network, who, programme, own, other):
    with hood.db.begin() as dbs:  # a leader who belongs to the network still sees none
        dbs.get(User, hood.leader.id).network_id = hood.network_id
        dbs.commit()
    client = as_user(app, who)
    for ext in ("", ".csv", ".json"):
        assert _status(client, f"/figures{ext}") == programme, ext
        assert _status(client, f"/networks/{hood.network_id}/figures{ext}") == own, ext
        assert _status(client, f"/networks/{other_network}/figures{ext}") == other, ext


def test_a_partner_asking_for_the_programme_is_refused_with_words(app, hood):
    partner = as_user(app, "bieb")
    page = partner.get("/figures")
    assert page.status_code == 403
    assert "Dat mag je niet doen." in page.get_data(as_text=True)
    assert partner.get("/figures.json", headers={"Accept": "application/json"}).get_json()[
        "error"] == "forbidden"


def test_an_unknown_network_is_not_found_for_an_admin_and_refused_for_others(app, hood):
    assert _status(as_user(app, "admin"), "/networks/999/figures") == 404
    assert _status(as_user(app, "adviseur"), "/networks/999/figures") == 403


def test_someone_without_a_network_sees_no_network_figures(hood):
    with hood.db.begin() as dbs:
        accounts.create_user(dbs, "los", "geheim-123", role="advisor")
    assert not may_see_figures("advisor", None, hood.network_id)
    assert not may_see_figures("partner", None, None)
    assert may_see_figures("admin", None, None)


def test_the_figures_csv_keeps_a_hostile_network_name_as_text(app, hood):
    with hood.db.begin() as dbs:
        dbs.get(Network, hood.network_id).name = "=HYPERLINK(\"http://x\")"
        dbs.commit()
    body = as_user(app, "adviseur").get(f"/networks/{hood.network_id}/figures.csv")
    rows = dict(csv.reader(io.StringIO(body.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows["scope"] == "'=HYPERLINK(\"http://x\")"
    assert rows["stale"] == "0" and rows["figure"] == "value"  # numbers stay numbers
