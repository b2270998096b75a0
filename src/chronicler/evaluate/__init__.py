"""Evaluation: score event mentions against sentence-level gold files, and check those files.

``scoring.score`` returns exactly what the shared development set's ``score.py`` returns, so a
figure measured here and one measured there mean the same thing.
"""
