"""What a document tells all of its sentences: its home place and dominant city, the period its
lead reports on, the episode an anniversary recalls."""
