"""Analytics for HR: the hiring funnel and its efficiency, adverse-impact figures per declared group, and
spreadsheet exports. Blueprint: `routes.bp` (organisation-scoped)."""
