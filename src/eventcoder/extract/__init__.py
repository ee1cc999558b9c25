"""Extraction: mentions in the clean text (events, actors, dates, fatalities, places), with spans."""
