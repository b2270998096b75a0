"""The workspace in a real headless Chromium against a real server: the examples' map, timeline and
table, filters that survive a reload, an event's claims side by side with its evidence, and
articles full of script payloads shown as text, with no dialog and no policy violation."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect

pytestmark = pytest.mark.slow
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "images"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"script error: {error}"))

    def dialog(found: Dialog) -> None:  # an alert() would mean a payload ran
        problems.append(f"dialog: {found.message}")
        found.dismiss()

    opened.on("dialog", dialog)
    opened.on("console", lambda message: _console(message, problems))
    yield opened
    opened.close()
    assert problems == []


def _console(message: ConsoleMessage, problems: list[str]) -> None:
    if message.type in {"error", "warning"} or "Content Security Policy" in message.text:
        problems.append(f"console {message.type}: {message.text}")


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    page.screenshot(path=tmp_path / f"{name}.png")
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":  # the README's pictures, taken by this test
        page.screenshot(path=SCREENSHOTS / f"workspace-{name}.png")


def test_map_timeline_and_table_filtered_together(
    page: Page, examples_db: Path, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    base = serve(examples_db)
    page.goto(base + "/")
    rows = page.locator("#events tbody tr")
    rows.first.wait_for()
    assert rows.count() == len(httpx.get(f"{base}/api/events", params={"limit": 100}).json()["items"])
    page.locator("#map .marker-cluster").first.wait_for()  # the towns' events, clustered
    assert page.locator("#map path.country[fill='#c0392b']").count() >= 1  # events placed only in Iran
    placed = httpx.get(f"{base}/api/map").json()
    provinces = {
        (p["country_code"], p["admin1"]) for p in placed if p["resolution"] == "admin1" and p["lat"] is None
    }
    assert provinces  # the examples place events in Khuzestan and Tehran provinces, no town given
    expect(page.locator("#map path.province[fill='#c0392b']")).to_have_count(len(provinces))
    assert page.locator("#timeline rect.bar").count() > 0
    _shot(page, "events", tmp_path)

    page.select_option("#filters select[name=type]", "ASSAULT")
    page.fill("#filters input[name=since]", "2019-11")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/?type=ASSAULT&since=2019-11")
    expect(page.locator("#status")).to_contain_text("event mentions")  # (no eval: the policy forbids it)
    types = page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"ASSAULT"}
    page.reload()
    page.locator("#events tbody tr").first.wait_for()
    assert page.locator("#filters select[name=type]").input_value() == "ASSAULT"
    assert set(page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()) == {"ASSAULT"}


def test_an_event_with_its_claims_side_by_side(
    page: Page, examples_db: Path, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    base = serve(examples_db)
    disputed = [p for p in httpx.get(f"{base}/api/map").json() if p["disagreement"]]
    assert disputed
    page.goto(f"{base}/consolidated/{disputed[0]['id']}")
    page.locator("table.claims tbody tr").first.wait_for()
    assert page.locator("#disagreement").is_visible()
    claims = httpx.get(f"{base}/api/consolidated/{disputed[0]['id']}").json()["kinds"]
    assert page.locator("table.claims tbody tr").count() == sum(len(k["claims"]) for k in claims)
    page.locator("#mentions mark").first.wait_for()
    assert page.locator("#mentions mark").count() == len(_mentions(base, disputed[0]))
    _shot(page, "claims", tmp_path)
    page.locator("#mentions .source a").first.click()
    page.locator("#context mark").wait_for()
    assert page.locator("#facts dd").count() >= 5


def _mentions(base: str, point: dict[str, object]) -> list[str]:
    found = httpx.get(f"{base}/api/consolidated/{point['id']}").json()["event"]["mentions"]
    return list(found)


# Script and markup in every form a stored string could try: tags, handlers, URLs, SVG, entities,
# template syntax, bidi and zero-width characters.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    "<iframe src=javascript:alert(5)>",
    "<body onload=alert(6)>",
    "<a href=javascript:alert(7)>x</a>",
    '<a href="jav&#x09;ascript:alert(8)">x</a>',
    "<math><mtext><img src=x onerror=alert(9)>",
    "<details open ontoggle=alert(10)>",
    "<input autofocus onfocus=alert(11)>",
    "<video><source onerror=alert(12)>",
    "<audio src=x onerror=alert(13)>",
    "<object data=javascript:alert(14)>",
    "<embed src=javascript:alert(15)>",
    "<marquee onstart=alert(16)>",
    "'\"><script>alert(17)</script>",
    "</title><script>alert(18)</script>",
    "</textarea><script>alert(19)</script>",
    "<style>@import 'javascript:alert(20)'</style>",
    "<link rel=import href=data:text/html,<script>alert(21)>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(22)'>",
    "<form action=javascript:alert(23)>",
    "<button formaction=javascript:alert(24)>x</button>",
    "<isindex action=javascript:alert(25)>",
    '<img src="x" onerror="&#97;lert(26)">',
    "<img src=x:alert(27) onerror=eval(src)>",
    "<svg><animate onbegin=alert(28) attributeName=x>",
    "<svg><a xlink:href=javascript:alert(29)><text>x</text></a>",
    "javascript:alert(30)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgzMSk8L3NjcmlwdD4=",
    "{{constructor.constructor('alert(32)')()}}",
    "${alert(33)}",
    "<%= alert(34) %>",
    "<scr<script>ipt>alert(35)</scr</script>ipt>",
    "<SCRIPT SRC=//example.invalid/x.js></SCRIPT>",
    "<img src=`x` onerror=alert(37)>",
    '<div style="background:url(javascript:alert(38))">',
    "<xss onpointerenter=alert(39) style=display:block>x</xss>",
    "<table background=javascript:alert(40)>",
    "\u202eevil\u202c <b onmouseover=alert(41)>",
    "zero\u200bwidth<script>alert(42)</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(43)>">',
    "<template><script>alert(44)</script>",
    "<base href=javascript:alert(45)//>",
    "<img srcset=x onerror=alert(46)>",
    "<select autofocus onfocus=alert(47)>",
    "<textarea autofocus onfocus=alert(48)>",
    "<keygen autofocus onfocus=alert(49)>",
    "<frameset onload=alert(50)>",
    "&lt;script&gt;alert(51)&lt;/script&gt;",
    "<!--<img src=x onerror=alert(52)>-->",
]


def test_script_payloads_in_articles_are_shown_as_text(
    page: Page, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    from chronicler import service
    from chronicler.config import Settings

    corpus = tmp_path / "hostile"
    corpus.mkdir()
    for n, payload in enumerate(PAYLOADS):
        document = {
            "id": f"hostile-{n}", "title": f"Report {payload}", "published": "2022-09-20", "language": "en",
            "url": "javascript:alert(99)" if n % 2 else f"https://news.example/{n}",
            "outlet": "news.example",
            "text": f"Police arrested forty teachers in Tehran on Monday, {payload} a rights group said.",
        }  # fmt: skip
        (corpus / f"{n:02d}.json").write_text(json.dumps(document), encoding="utf-8")
    db = tmp_path / "hostile.sqlite"
    summary = service.ingest([str(corpus)], Settings(db=str(db), doc_timeout=0))
    assert summary.stored == len(PAYLOADS)
    base = serve(db)
    stored = httpx.get(f"{base}/api/events", params={"limit": 500}).json()["items"]
    assert len(stored) >= len(PAYLOADS) // 2  # the arrests are read around most payloads
    page.goto(base + "/")
    expect(page.locator("#events tbody tr")).to_have_count(len(stored))
    shown = " ".join(page.locator("#events tbody td.evidence").all_inner_texts()).split()
    for mention in stored:  # every stored sentence is on the page as the text it is
        assert " ".join(mention["text"].split()) in " ".join(shown)
    assert page.locator("#events script, #events img, #events svg, #events iframe").count() == 0
    page.goto(base + "/sources")
    page.locator("#sources tbody tr").first.wait_for()
    page.goto(base + "/documents")
    page.locator("#documents tbody tr").first.wait_for()
    titles = page.locator("#documents tbody").inner_text()
    assert "Report <script>alert(1)</script>" in titles
    assert page.locator("#documents a[href^='javascript:']").count() == 0
    first = httpx.get(f"{base}/api/events", params={"limit": 1}).json()["items"][0]
    page.goto(f"{base}/mentions/{first['id']}")
    page.locator("#context mark").wait_for()
    assert page.locator("#context script, #context img, #document a[href^='javascript:']").count() == 0


def test_a_correction_made_in_the_page_stays_after_a_reload_and_is_in_the_audit(
    page: Page, examples_db: Path, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    db = tmp_path / "review.sqlite"
    db.write_bytes(examples_db.read_bytes())
    base = serve(db)
    first = httpx.get(f"{base}/api/events", params={"limit": 1}).json()["items"][0]
    page.goto(f"{base}/mentions/{first['id']}")
    expect(page.locator("#review-status")).to_contain_text("Not reviewed")
    page.fill("#review input[name=reviewer]", "Reviewer <b>One</b>")
    page.select_option("#review select[name=action]", "correct")
    page.select_option("#review select[name=field]", "date")
    page.fill("#review input[name=value]", "2019-11-17")
    page.fill("#review input[name=note]", "the dateline says so")
    page.click("#review button[type=submit]")
    expect(page.locator("#review-message")).to_contain_text("Saved")
    page.reload()
    expect(page.locator("#review-status")).to_contain_text("corrected (date by a reviewer)")
    expect(page.locator("#facts")).to_contain_text("2019-11-17")
    assert page.locator("#review input[name=reviewer]").input_value() == "Reviewer <b>One</b>"  # remembered
    _shot(page, "review", tmp_path)
    page.goto(f"{base}/audit")
    expect(page.locator("#judgements tbody tr")).to_have_count(1)
    expect(page.locator("#judgements tbody")).to_contain_text("Reviewer <b>One</b>")  # a name is text
    page.goto(f"{base}/mentions/{first['id']}")
    page.locator("#judgements button.undo").click()
    expect(page.locator("#review-status")).to_contain_text("Not reviewed")


def test_script_payloads_in_actor_place_and_claimant_names_are_shown_as_text(
    page: Page, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    # Names a reader could never make from an article's words, written straight into the store:
    # the pages must show whatever a stored name holds, as text.
    from chronicler import service
    from chronicler.config import Settings
    from chronicler.records import Count, Document, Entity, EventMention, Extraction, Location
    from chronicler.store import Store

    db = tmp_path / "names.sqlite"
    names = PAYLOADS[:20]
    with Store.open(str(db)) as store:
        for n, payload in enumerate(names):
            text = f"Police detained {n + 2} students in the city, a group said."
            doc = Document(
                id=f"names-{n}", source=f"names-{n}.json", text=text, content_hash=f"h{n}", title=payload,
                url=None, published="2022-09-20", outlet=payload, language="en",
            )  # fmt: skip
            place = Location(payload, payload, None, 35.0 + n / 10, 51.0, payload, "IR", "city")
            mention = EventMention(
                id=f"ev_names_{n}", doc_id=doc.id, event="COERCE", mode="arrest", text=text, start=0,
                end=len(text), trigger=None, extractor="tests", confidence=0.5, date="2022-09-20",
                actor=(Entity(payload, sector="COP"),), recipient=(Entity(payload, sector="EDU"),),
                event_loc=place, places=(place,), claimed_by=Entity(payload),
                counts=(Count("arrested", n + 2, None, "exact", payload),),
            )  # fmt: skip
            store.save_extraction(Extraction(doc, (mention,)))
    service.consolidate(Settings(db=str(db)))
    base = serve(db)
    page.goto(base + "/")
    expect(page.locator("#events tbody tr")).to_have_count(len(names))
    table = page.locator("#events tbody").inner_text()
    assert all(" ".join(p.split()) in " ".join(table.split()) for p in names if p.strip())
    page.locator("#map .marker-cluster, #map path.leaflet-interactive").first.wait_for(state="attached")
    for point in httpx.get(f"{base}/api/map").json()[:5]:
        page.goto(f"{base}/consolidated/{point['id']}")
        page.locator("#mentions mark").first.wait_for()
        assert page.locator("main script, main img, main svg, main iframe").count() == 0
    first = httpx.get(f"{base}/api/events", params={"limit": 1}).json()["items"][0]
    page.goto(f"{base}/mentions/{first['id']}")
    page.locator("#context mark").wait_for()
    assert page.locator("main script, main img, main iframe").count() == 0
    page.goto(base + "/sources")
    expect(page.locator("#sources tbody tr")).to_have_count(len(names))


def test_signing_in_and_reviewing_as_the_account(
    page: Page, examples_db: Path, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    from chronicler import service_users
    from chronicler.config import Settings

    db = tmp_path / "team.sqlite"
    db.write_bytes(examples_db.read_bytes())
    token = service_users.add(Settings(db=str(db)), "Editor <i>One</i>", "editor")
    base = serve(db)
    page.goto(base + "/")
    expect(page).to_have_url(base + "/login")
    page.fill("input[name=token]", "chr_wrong")
    page.click("button[type=submit]")
    expect(page.locator("#failed")).to_be_visible()
    page.fill("input[name=token]", token)
    page.click("button[type=submit]")
    expect(page).to_have_url(base + "/")
    expect(page.locator("#events tbody tr").first).to_be_visible()
    first = httpx.get(f"{base}/api/events", params={"limit": 1}, headers={"Authorization": f"Bearer {token}"})
    page.goto(f"{base}/mentions/{first.json()['items'][0]['id']}")
    reviewer = page.locator("#review input[name=reviewer]")
    expect(reviewer).to_have_value("Editor <i>One</i>")
    assert reviewer.get_attribute("readonly") is not None
    page.click("#review button[type=submit]")  # confirm, the form's first action
    expect(page.locator("#review-message")).to_contain_text("Saved")
    expect(page.locator("#judgements")).to_contain_text("Editor <i>One</i>: ")
    (cookie,) = page.context.cookies()
    assert cookie["value"] == token and cookie["httpOnly"] and cookie["sameSite"] == "Strict"


def test_splitting_a_mention_off_its_event_in_the_page(
    page: Page, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    from chronicler import service, service_users
    from chronicler.config import Settings

    db = tmp_path / "regroup.sqlite"
    settings = Settings(db=str(db), doc_timeout=0)
    reports = [
        ("wire", "Police detained 40 striking workers in Tabriz on 3 March 2021, a rights group said."),
        ("ngo", "Security forces detained 52 striking workers in Tabriz on 3 March 2021."),
    ]
    for ident, text in reports:
        (tmp_path / f"{ident}.json").write_text(
            json.dumps({"id": ident, "published": "2021-03-04", "text": text})
        )
    assert service.ingest([str(tmp_path / "wire.json"), str(tmp_path / "ngo.json")], settings).stored == 2
    token = service_users.add(settings, "Editor One", "editor")
    base = serve(db)
    page.goto(base + "/login")
    page.fill("input[name=token]", token)
    page.click("button[type=submit]")
    auth = {"Authorization": f"Bearer {token}"}
    (both,) = [
        e
        for e in httpx.get(f"{base}/api/consolidated", headers=auth).json()["items"]
        if len(e["mentions"]) == 2
    ]
    page.goto(f"{base}/consolidated/{both['id']}")
    expect(page.locator("#mentions button.split")).to_have_count(2)
    page.locator("#mentions button.split").last.click()
    expect(page.locator("#mentions > li")).to_have_count(
        1
    )  # reloaded: the other report is an event of its own
    trail = httpx.get(f"{base}/api/judgements", headers=auth).json()
    assert [(j["action"], j["reviewer"]) for j in trail] == [("split", "Editor One")]
    page.goto(f"{base}/audit")
    expect(page.locator("#judgements tbody")).to_contain_text("split off its event")


def test_the_api_documentation_is_served_from_the_package(
    page: Page, examples_db: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(examples_db)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + "/docs")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    expect(page.locator("#swagger-ui")).to_contain_text("/api/events")
    assert requested and all(url.startswith(base) for url in requested)  # no CDN
