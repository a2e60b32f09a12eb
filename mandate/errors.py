"""The one exception the CLI turns into a sentence and exit code 2."""


class InputError(Exception):
    """The letter or the rules cannot be used; the message is one sentence for the desk officer."""
