"""Language-free finders over text: dates, figures, places, known actors, background.

Each takes the text and the part of the knowledge base it reads, and knows nothing of sentences,
parses or readers.
"""
