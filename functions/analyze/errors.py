"""Exceptions that decide what happens to an answer.

MediaError and ModelMissing are permanent: the answer gets a `failed` / `needs_review` result with the
message as its reason, and the platform must not retry. TransientError is raised out of the handler so
the platform retries.
"""


class AnalysisError(Exception):
    """A permanent problem with one answer. `status` is what the answer ends as."""
    status = "failed"


class MediaError(AnalysisError):
    """The file is not usable audio (empty, corrupt, no audio track, too long...)."""
    status = "failed"


class ModelMissing(AnalysisError):
    """No ASR model installed for the interview's language: a person must review the answer."""
    status = "needs_review"


class TransientError(Exception):
    """Network, API 5xx or storage trouble: raise so the platform retries."""
