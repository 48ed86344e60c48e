"""Per-organisation scorer versions: fit from HR ratings (math in functions/analyze/scoring/calibration.py),
propose with validation, what changed and the fairness gate, activate, roll back, re-score past answers from
stored features, suggest a pass threshold. Blueprint: `routes.bp`; the analyzer's context and the result
hook use `service`."""
