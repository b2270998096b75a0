"""The surface reader: French, German and Persian read from word forms, clauses and cue words,
with the French parse where it is safe (``reader.extract_foreign``); ``lang/`` holds what one
language needs beyond its packs."""
