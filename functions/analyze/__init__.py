"""Analyzer cloud function: a recorded answer → speech → transcript → explainable scores."""
