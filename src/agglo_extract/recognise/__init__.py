"""Recognisers: one per thing found in text (citations, numbers, facts, places, tables); same verbs in each."""
