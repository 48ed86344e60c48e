"""Exceptions that decide what happens to an answer.

MediaError and ModelMissing are permanent: the answer gets a `failed` / `needs_review` result with the
message as its reason, and the platform must not retry. TransientError is raised out of the handler so
the platform retries.
"""


class AnalysisError(Exception):
    """A permanent problem with one answer. `status` is what the answer ends as, `code` the stable
    reason_code of the result (docs/internal-contracts.md)."""
    status = "failed"
    default_code = "analysis_error"

    def __init__(self, message: str = "", code: str | None = None):
        super().__init__(message)
        self.code = code or self.default_code


class MediaError(AnalysisError):
    """The file is not usable audio (empty, corrupt, no audio track, too long...)."""
    status = "failed"
    default_code = "bad_media"


class ModelMissing(AnalysisError):
    """No ASR (or scorer) model installed: a person must review the answer."""
    status = "needs_review"
    default_code = "model_missing"


class TransientError(Exception):
    """Network, API 5xx or storage trouble: raise so the platform retries."""
