"""Scoring an answer's content: normalisation, gates, content features, the ONNX model, explanations.

    from functions.analyze.scoring import score_answer

Modules: text (normalise, segment, clauses, negation, keyword matching), keywords (HR's keywords: the
check and normalisation shared by the API and the CLI), lexicon (word lists in
models/lexicons/), gates (what cannot be judged → needs_review), features (content features per answer
and per competency), model (the ONNX scorer of models/manifest.json), explain (reasons for HR, feedback
for the candidate), language (the language checks, owned by the language helper).
"""
