"""Made-up names stay unique in the group when only the names alike are read at a join."""

from workshop.domain import names

from .helpers import Screen, Tablet, start_workshop


def test_made_up_names_get_the_lowest_free_number_and_typed_names_stay(app, client, leader):
    _, wid = start_workshop(leader)
    code = Screen(app, client, wid).state["code"]
    made_up = names.friendly_name("nl")
    joined = [Tablet(app, code, name).state["me"]["name"]
              for name in (made_up, made_up, "Sam", "Sam", made_up.upper(), made_up)]
    assert joined == [made_up, f"{made_up} 2", "Sam", "Sam", f"{made_up.upper()} 3",
                      f"{made_up} 4"]
