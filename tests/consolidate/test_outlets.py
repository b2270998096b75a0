"""The outlets registry: normalisation, lookups, independence keys, user packs and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.consolidate.outlets import (
    TYPES,
    UNLINKED,
    OutletRegistry,
    load_outlets,
    name_key,
    normalise_host,
    split_address,
)
from chronicler.errors import PackError


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return load_outlets()


@pytest.mark.parametrize(("text", "parts"), [
    ("reuters.com", ("reuters.com", None)),
    ("www.Reuters.com", ("reuters.com", None)),
    ("https://www.reuters.com/world/middle-east/story-1/", ("reuters.com", "world")),
    ("http://user@m.example.org:8080/a?b=1", ("example.org", "a")),
    ("amp.theguardian.com", ("theguardian.com", None)),
    ("www.m.example.org.", ("example.org", None)),
    ("example.org?ref=feed", ("example.org", None)),
    ("en.irna.ir", ("en.irna.ir", None)),
    ("bbc.co.uk/persian/world-1", ("bbc.co.uk", "persian")),
    ("Reuters", None),
    ("BBC Persian", None),
    ("RFE/RL", None),
    ("", None),
])
def test_split_address(text: str, parts: tuple[str, str | None] | None) -> None:
    assert split_address(text) == parts


def test_normalise_host_keeps_a_bare_variant_host() -> None:
    # "m.com" stays: stripping "m." would leave no domain at all.
    assert normalise_host("m.com") == "m.com"


@pytest.mark.parametrize(("text", "key"), [
    ("The Guardian", "guardian"),
    ("Al-Monitor", "al monitor"),
    ("  Iranian  Students' News Agency ", "iranian students news agency"),
    ("RFE/RL", "rfe rl"),
    ("The", "the"),
])
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(("outlet", "url", "domain"), [
    ("www.reuters.com", None, "reuters.com"),
    ("en.irna.ir", None, "irna.ir"),
    ("english.mojahedin.org", None, "mojahedin.org"),
    ("https://women.ncr-iran.org/2021/03/08/x", None, "ncr-iran.org"),
    ("m.bbc.co.uk", None, "bbc.com"),
    ("edition.cnn.com", None, "cnn.com"),
    ("ir.voanews.com", None, "ir.voanews.com"),  # the more specific entry wins over voanews.com
    ("www.voanews.com", None, "voanews.com"),
    ("en-hrana.org", None, "hra-news.org"),  # an alias domain
    ("Reuters", None, "reuters.com"),
    ("REUTERS", None, "reuters.com"),
    ("BBC Persian", None, "bbc.com/persian"),
    ("bbc farsi", None, "bbc.com/persian"),
    ("Guardian", None, "theguardian.com"),
    ("Agence France-Presse", None, "afp.com"),
    ("Iranian Students' News Agency", None, "isna.ir"),
    ("Tasnim", None, "tasnimnews.com"),
    ("Kayhan", None, "kayhan.ir"),
    ("Kayhan London", None, "kayhan.london"),
    (None, "https://www.bbc.com/persian/articles/abc123", "bbc.com/persian"),
    (None, "https://www.bbc.com/news/world-middle-east-1", "bbc.com"),
    (None, "https://www.dw.com/fa-ir/some-story/a-1", "dw.com/fa-ir"),
    ("Some Weekly", "https://www.tehrantimes.com/news/1", "tehrantimes.com"),  # URL when the name is unknown
    ("Reuters", "https://news.example.com/reuters-story", "reuters.com"),  # the outlet field first
])
def test_lookup(registry: OutletRegistry, outlet: str | None, url: str | None, domain: str) -> None:
    found = registry.lookup(outlet, url)
    assert found is not None
    assert found.domain == domain


@pytest.mark.parametrize(("outlet", "url"), [
    (None, None), ("", None), ("   ", None),
    ("unknown-site.example", None), ("An Unlisted Gazette", None),
    ("co.uk", None), (None, "https://blog.example.net/p/1"),
])
def test_lookup_finds_nothing(registry: OutletRegistry, outlet: str | None, url: str | None) -> None:
    assert registry.lookup(outlet, url) is None


@pytest.mark.parametrize(("outlet", "url", "key"), [
    ("ncr-iran.org", None, "mek-ncri"),
    ("english.mojahedin.org", None, "mek-ncri"),
    ("Tasnim", None, "irgc"),
    ("www.farsnews.ir", None, "irgc"),
    ("en.irna.ir", None, "iran-state"),
    ("Press TV", None, "iran-state"),
    ("radiofarda.com", None, "usagm"),
    ("VOA Persian", None, "usagm"),
    ("bbc.com", None, "bbc"),
    ("BBC Persian", None, "bbc"),
    ("reuters.com", None, "reuters.com"),  # independent: counted by its own domain
    ("Reuters", None, "reuters.com"),
    ("Iran International", None, "iranintl.com"),  # unknown affiliation: by domain too
    ("news.unlisted.example", None, "news.unlisted.example"),
    ("https://www.unlisted.example/a/b", None, "unlisted.example"),
    ("An Unlisted Gazette", "https://gazette.example/x", "gazette.example"),
    ("An  Unlisted Gazette", None, "an unlisted gazette"),
    (None, None, None),
])
def test_independence_key(registry: OutletRegistry, outlet: str | None, url: str | None,
                          key: str | None) -> None:
    assert registry.independence_key(outlet, url) == key


@pytest.mark.parametrize(("first", "second", "same"), [
    ("ncr-iran.org", "mojahedin.org", True),  # one network
    ("tasnimnews.com", "farsnews.ir", True),
    ("irna.ir", "presstv.ir", True),
    ("reuters.com", "apnews.com", False),  # two independent wires
    ("amnesty.org", "hrw.org", False),
    ("bbc.com", "bbc.com/persian", True),
    ("dw.com", "rfi.fr", False),
    ("one.example", "two.example", False),
])
def test_independence(registry: OutletRegistry, first: str, second: str, same: bool) -> None:
    assert (registry.independence_key(first) == registry.independence_key(second)) is same


def test_shipped_pack_is_broad_and_consistent(registry: OutletRegistry) -> None:
    assert len(registry) >= 100
    assert set(registry.affiliations) >= UNLINKED
    for outlet in registry.outlets:
        assert outlet.type in TYPES
        assert outlet.affiliation in registry.affiliations
        assert registry.lookup(outlet.domain) == outlet
        assert registry.lookup(outlet.name) == outlet
    used = {o.affiliation for o in registry.outlets}
    assert set(registry.affiliations) - UNLINKED <= used, "every declared affiliation has an outlet"
    kinds = {o.type for o in registry.outlets}
    assert kinds >= {"wire", "international_news", "regional_news", "ngo", "state_media",
                     "opposition_affiliated"}


def test_load_is_cached() -> None:
    assert load_outlets() is load_outlets(())


# ---------------------------------------------------------------- user packs

USER_PACK = """\
version: 1
affiliations:
  example-network:
    name: Example network
    description: Two sites run by one publisher, for the test.
outlets:
  - {domain: reuters.com, name: Reuters Corrected, type: wire, affiliation: example-network, country: GB}
  - {domain: first.example, name: First Example, type: blog, affiliation: example-network}
  - {domain: second.example, name: Second Example, type: blog, affiliation: example-network,
     aliases: [Second Ex, mirror.example]}
  - {domain: norway.example, name: Norway Example, type: ngo, affiliation: independent, country: NO}
"""


def test_user_pack_overrides_and_adds(tmp_path: Path) -> None:
    (tmp_path / "outlets.yaml").write_text(USER_PACK, encoding="utf-8")
    registry = load_outlets([tmp_path])
    reuters = registry.lookup("www.reuters.com")
    assert reuters is not None and reuters.name == "Reuters Corrected"
    assert registry.lookup("Thomson Reuters") is None  # the replaced entry's aliases are gone with it
    assert registry.independence_key("first.example") == "example-network"
    assert registry.independence_key("Second Ex") == "example-network"
    assert registry.independence_key("https://mirror.example/a") == "example-network"
    assert registry.independence_key("reuters.com") == "example-network"
    norway = registry.lookup("norway.example")
    assert norway is not None and norway.country == "NO"  # not read as a YAML boolean
    assert registry.lookup("irna.ir") is not None  # built-in outlets are kept
    assert "example-network" in registry.affiliations


def test_directory_without_outlets_file(tmp_path: Path) -> None:
    assert len(load_outlets([tmp_path])) == len(load_outlets())


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not a directory"):
        load_outlets([tmp_path / "nowhere"])


GOOD = "{domain: good.example, name: Good, type: blog, affiliation: independent}"


@pytest.mark.parametrize(("entries", "message"), [
    ([GOOD, "{domain: bad.example, name: Bad, type: tabloid, affiliation: independent}"],
     r"outlets\.yaml:5: outlets\[1\] \(bad\.example\): unknown type 'tabloid'"),
    (["{domain: bad.example, name: Bad, type: blog, affiliation: nowhere-group}"],
     r"outlets\.yaml:4: outlets\[0\] \(bad\.example\): affiliation 'nowhere-group' is not declared"),
    ([GOOD, GOOD], r"outlets\.yaml:5: outlets\[1\] \(good\.example\): duplicate domain 'good\.example'"),
    ([GOOD, "{domain: other.example, name: Other, type: blog, affiliation: independent, "
            "aliases: [good.example]}"],
     r"outlets\.yaml:5: outlets\[1\] \(other\.example\): duplicate domain 'good\.example'"),
    ([GOOD, "{domain: other.example, name: The Good, type: blog, affiliation: independent}"],
     r"outlets\.yaml:5: outlets\[1\] \(other\.example\): duplicate name 'good'"),
    (["{domain: bad.example, type: blog, affiliation: independent}"],
     r"outlets\.yaml:4: outlets\[0\] \(bad\.example\): missing or empty 'name'"),
    (["{name: No Domain, type: blog, affiliation: independent}"],
     r"outlets\.yaml:4: outlets\[0\] \(no domain\): missing or empty 'domain'"),
    (["{domain: www.bad.example, name: Bad, type: blog, affiliation: independent}"],
     r"outlets\.yaml:4: outlets\[0\] \(www\.bad\.example\): .*not a host in normal form"
     r".*write 'bad\.example'"),
    (["{domain: bad.example, name: Bad, type: blog, affiliation: independent, country: Iran}"],
     r"outlets\.yaml:4: outlets\[0\] \(bad\.example\): country must be an ISO 3166-1 alpha-2 code"),
    (["{domain: bad.example, name: Bad, type: blog, affiliation: independent, owner: someone}"],
     r"outlets\.yaml:4: outlets\[0\] \(bad\.example\): unknown key\(s\) \['owner'\]"),
    (["{domain: bad.example, name: Bad, type: blog, affiliation: independent, aliases: Bad News}"],
     r"outlets\.yaml:4: outlets\[0\] \(bad\.example\): 'aliases' must be a list"),
    (["just a string"], r"outlets\.yaml:4: outlets\[0\] \(not a mapping\): expected a mapping"),
])
def test_validation_names_file_and_entry(tmp_path: Path, entries: list[str], message: str) -> None:
    body = "version: 1\naffiliations: {}\noutlets:\n" + "".join(f"  - {e}\n" for e in entries)
    path = tmp_path / "outlets.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PackError, match=message) as caught:
        load_outlets([tmp_path])
    assert caught.value.path == str(path.resolve())


@pytest.mark.parametrize(("body", "message"), [
    ("outlets: []\n", "version: 1"),
    ("version: 1\nfeeds: []\n", r"unknown top-level key\(s\) \['feeds'\]"),
    ("version: 1\noutlets: {a: b}\n", "outlets: expected a list"),
    ("version: 1\naffiliations:\n  Bad_Id: {name: X, description: Y}\n", "affiliations.Bad_Id: .*kebab-case"),
    ("version: 1\naffiliations:\n  net: {name: X}\n", "affiliations.net: expected exactly the keys"),
    ("version: 1\noutlets: [\n", "cannot be read as YAML"),
])
def test_validation_of_the_file(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "outlets.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(PackError, match=message):
        load_outlets([tmp_path])


@pytest.mark.parametrize(("body", "line", "message"), [
    ("version: 1\n\nfeeds: []\n", 3, "unknown top-level key(s) ['feeds']"),
    ("version: 1\noutlets: {a: b}\n", 2, "outlets: expected a list"),
    ("version: 1\naffiliations:\n  net: {name: X, description: Y}\n  Bad_Id: {name: X, description: Y}\n", 4,
     "affiliations.Bad_Id: an affiliation id is kebab-case"),
    ("version: 1\naffiliations:\n  net:\n    name: X\n", 3, "affiliations.net: expected exactly the keys"),
    ("version: 1\noutlets:\n  - {domain: a.example, name: A, type: blog, affiliation: independent\n", 4,
     "cannot be read as YAML"),
])
def test_a_fault_of_the_file_names_its_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_outlets([tmp_path])
    assert str(caught.value).startswith(f"{path.resolve()}:{line}: ")
    assert caught.value.line == line and message in caught.value.reason
