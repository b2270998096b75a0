"""The schema as `chronicler db` handles it: reading the revision changes nothing; moving it up and
down lands where asked; an unknown revision is refused with the database as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.errors import StoreError
from chronicler.store import migrate, schema


def test_revisions_are_listed_oldest_first_up_to_the_head() -> None:
    found = schema.revisions()
    assert found[0][0] == "0001" and found[-1][0] == migrate.head_revision()
    assert [r for r, _ in found] == sorted(r for r, _ in found)
    assert all(doc for _, doc in found)


def test_reading_the_state_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    with pytest.raises(StoreError, match="no database at"):
        schema.state(str(missing))
    assert not missing.exists()


@pytest.mark.slow
def test_down_and_up_again(tmp_path: Path) -> None:
    db = str(tmp_path / "events.sqlite")
    assert schema.move(db, "head").up_to_date
    before = Path(db).stat().st_size
    assert schema.state(db).current == migrate.head_revision()
    down = schema.move(db, "0008", down=True)
    assert (down.current, down.up_to_date) == ("0008", False)
    assert schema.state(db).current == "0008"  # and reading it does not upgrade it
    assert schema.move(db, "head").current == migrate.head_revision()
    assert Path(db).stat().st_size >= before


def test_an_unknown_revision_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "events.sqlite")
    schema.move(db, "head")
    with pytest.raises(StoreError, match="cannot move the schema to '0042'"):
        schema.move(db, "0042", down=True)
    assert schema.state(db).up_to_date
