"""Domain refusals: a code the edges turn into a message in the reader's language."""


class Refused(Exception):
    """An action the rules do not allow; `code` names the reason, `detail` adds facts."""

    def __init__(self, code: str, **detail: object) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail

    def __repr__(self) -> str:
        return f"Refused({self.code!r}, {self.detail!r})"
