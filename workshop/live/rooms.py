"""Room names: who hears what."""


def screen(workshop_id: int) -> str:
    """Classroom screens and leader views of a workshop."""
    return f"w{workshop_id}:screen"


def tablets(workshop_id: int) -> str:
    """Every tablet in a workshop."""
    return f"w{workshop_id}:tablets"


def child(child_id: int) -> str:
    """Every tablet of one child (a child may switch tablets)."""
    return f"c{child_id}"


def device(device_id: str) -> str:
    """One tablet, by the id it keeps in its localStorage (answers to its questions)."""
    return f"d{device_id}"
