"""Resolution: actors to dictionary names and inter codes, places to gazetteer entries, dates
to ISO dates against the publication date."""
