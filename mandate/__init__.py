"""mandate: checks a draft Secretary-General letter against the Security Council's request."""

__version__ = "0.1.0"
