"""The English reader: triggers, participants, claimants and clause-level dates from the spaCy
dependency parse (``reader.extract_mentions``)."""
