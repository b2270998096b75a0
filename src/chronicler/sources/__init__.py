"""The read stage: readers that turn inputs into ``RawDocument`` records, never parsing meaning.

Each reader yields ``RawDocument | ReadFailure``: one bad input is reported and set aside, and
reading goes on. ``files.read_paths`` reads files, directories and stdin; ``jsondoc`` turns one
document JSON object (SCHEMA.md) into a record, for every reader that meets that format.
"""
