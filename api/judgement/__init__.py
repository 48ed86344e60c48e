"""HR judgement and hiring outcomes as data: per-answer competency ratings on the anchored 1–5 scale
(docs/rating-scale.md), "which of these two is better" picks, outcomes after the decision, and candidates'
voluntary, separately consented declaration of gender and age band for the fairness check (api/analytics).

Blueprints: `routes.bp` (HR, organisation-scoped) and `declarations.bp` (candidate, invitation token).
"""
