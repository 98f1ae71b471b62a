"""Issue #12: the "first names" choice on the series page was kept only by a ship that went
through, so it was unticked again when the page was reopened (and could not be turned off
once everything was shipped)."""

from sqlalchemy import select

from workshop.store.board_models import BoardIdea
from workshop.store.models import Group

from .test_public import login, page, ship_form


def _box(text: str) -> str:
    """The first-names checkbox tag on the series page."""
    return text.split('name="show_first_names"')[1].split(">")[0]


def _save(client, hood, on: bool):
    data = {"show_first_names": "1"} if on else {}
    return client.post(f"/series/{hood.series_id}/first-names?lang=en", data=data,
                       follow_redirects=True).get_data(as_text=True)


def test_the_choice_is_kept_and_shown_when_the_page_is_reopened(hood, client) -> None:
    login(client)
    assert "checked" not in _box(page(client, f"/series/{hood.series_id}"))
    saved = _save(client, hood, True)
    assert "First names go with the ideas." in saved and "checked" in _box(saved)
    assert "checked" in _box(page(client, f"/series/{hood.series_id}"))
    # the ship form no longer carries the box: shipping keeps the saved choice
    ship_form(client, hood)
    assert "checked" in _box(page(client, f"/series/{hood.series_id}"))
    with hood.db.begin() as dbs:
        assert {i.origin["first_name"] for i in dbs.scalars(select(BoardIdea))} == {"Sam"}
    # once everything is shipped it can still be turned off again, and stays off
    assert "No child&#39;s name leaves the classroom." in _save(client, hood, False)
    assert "checked" not in _box(page(client, f"/series/{hood.series_id}"))
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(Group)).show_first_names is False


def test_only_the_groups_leader_changes_it(hood, app) -> None:
    client = app.test_client()
    client.post("/login", data={"username": "bieb", "password": "geheim-123"})
    assert client.post(f"/series/{hood.series_id}/first-names",
                       data={"show_first_names": "1"}).status_code == 403
    with hood.db.begin() as dbs:
        assert dbs.scalar(select(Group)).show_first_names is False
