"""The one exception the CLI turns into a sentence and exit code 2."""


class InputError(Exception):
    """The letter or the rules cannot be used; the message is one sentence for the desk officer."""


class UnsupportedLanguage(InputError):
    """The letter is in a language the checker has no profile for (told apart, then refused)."""

    def __init__(self, code: str, message: str | None = None) -> None:
        self.code = code
        super().__init__(
            message or f"The letter is in '{code}', a language the checker cannot read."
        )
