"""The one exception type claimtrack raises for anything a user can cause."""


class ClaimtrackError(Exception):
    """A problem the user can act on; the CLI shows it as one line, never a traceback.

    ``path`` and ``line`` name where the problem is, when it is in an input file.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class DatabaseError(ClaimtrackError):
    """The database cannot be used (full disk, locked, read-only, not ours): a run stops at once."""


# What an unforeseen exception means to a user, for the few whose own message does not say it.
_PLAIN = {
    RecursionError: "nested too deeply to read",
    MemoryError: "out of memory",
}


def describe(exc: BaseException) -> str:
    """An exception as words a user can read: its message, never its class name."""
    for kind, words in _PLAIN.items():
        if isinstance(exc, kind):
            return words
    return str(exc).strip().splitlines()[0] if str(exc).strip() else "an internal error"


def unexpected(exc: BaseException) -> str:
    """One line for an error claimtrack did not foresee in one input: what went wrong, and how to learn more."""
    return f"claimtrack could not process this ({describe(exc)}); run with --debug for the traceback"
