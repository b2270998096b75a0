"""Stored results in the formats researchers open first: flat CSV, ACLED's columns, GeoJSON.

Each format is a pure function from records (event mentions with their documents' facts, or
consolidated events) to rows or features; ``export.write`` puts them on a stream. The service
layer gathers the records and the knowledge (the ACLED table, country names) and passes them in.
"""
