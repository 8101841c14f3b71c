"""Listening events: the participation store, its results and its exports (no Streamlit here).

Participants' answers are a third kind of data, next to the report's facts and the planners' hypotheses: they live
only in the database, never in the curated CSVs, and every export labels them as what they are.
"""
