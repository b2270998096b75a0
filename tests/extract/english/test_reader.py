"""Document-level rules of mention assembly: where an event is, and who claims it."""

from __future__ import annotations

import pytest

from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process
from chronicler.records import Document, EventMention

pytestmark = pytest.mark.slow


def _mentions(knowledge: KnowledgeBase, text: str, published: str = "2022-10-05") -> list[EventMention]:
    doc = Document(
        id="t",
        text=text,
        published=published,
        language="en",
        outlet="example.org",
        source="t",
        content_hash="t",
    )
    return list(process(doc, knowledge).mentions)


def _one(knowledge: KnowledgeBase, text: str, event: str, published: str = "2022-10-05") -> EventMention:
    found = [m for m in _mentions(knowledge, text, published) if m.event == event]
    assert len(found) == 1, [m.event for m in _mentions(knowledge, text, published)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "event", "place"),
    [
        ("Police arrested nine students in Tabriz on Monday.", "COERCE", "Tabriz"),
        ("Workers went on strike at a refinery outside Abadan on Monday.", "PROTEST", "Abadan"),
        # a place in another role is not where the event was
        ("A US drone strike killed two fighters near the border on Monday.", "ASSAULT", "Iran"),
        ("Germany's envoy was arrested by police on Monday, Iranian media said.", "COERCE", "Iran"),
        # a place of another verb's clause does not place this event
        ("Guards hanged a man convicted of burning a bank in Shiraz.", "ASSAULT", "Iran"),
        ("Police detained the father of a student who was shot dead in Sanandaj.", "COERCE", "Iran"),
    ],
)
def test_event_place(text: str, event: str, place: str, knowledge: KnowledgeBase) -> None:
    # "Iran" comes from the story's home country, named in the second sentence.
    m = _one(knowledge, text + " Officials in Tehran, Isfahan and elsewhere in Iran gave no comment.", event)
    assert m.event_loc is not None
    assert m.event_loc.resolved_place == place or (m.event_loc.country_code == "IR" and place == "Iran")
    assert place != "Iran" or m.event_loc.resolution == "country"


def test_an_unplaced_event_is_in_the_story_town(knowledge: KnowledgeBase) -> None:
    text = (
        "Farmers marched in Shahrekord on Sunday over water shortages.\n\n"
        "Police arrested six of them, a local lawyer said.\n\n"
        "The governor of Shahrekord promised a new pipeline."
    )
    arrest = _one(knowledge, text, "COERCE")
    assert arrest.event_loc is not None and arrest.event_loc.extracted_place == "Shahrekord"


def test_claimant_is_the_name_not_the_description(knowledge: KnowledgeBase) -> None:
    m = _one(knowledge, "At least 40 people were killed, according to the monitoring group HRANA.", "ASSAULT")
    assert m.claimed_by is not None and m.claimed_by.entity_text == "HRANA"


def test_a_running_count_is_dated_by_its_episode_not_its_bound(knowledge: KnowledgeBase) -> None:
    text = (
        "Protests broke out in Arak on 3 September over bread prices.\n\n"
        "At least 41 protesters had been killed by Wednesday, a monitoring group said."
    )
    killed = _one(knowledge, text, "ASSAULT")
    assert killed.date == "2022-09"
    assert not killed.historical


def test_an_undated_event_after_background_is_background(knowledge: KnowledgeBase) -> None:
    text = (
        "Mourners gathered in Shiraz on Sunday to mark the anniversary.\n\n"
        "In the summer of 1988, thousands of prisoners were executed across the country.\n\n"
        "Many of them were buried in unmarked graves, and several guards were later killed."
    )
    later = [m for m in _mentions(knowledge, text) if m.event == "ASSAULT" and "guards" in m.text]
    assert later and later[0].historical and later[0].date is None


def test_an_undated_event_in_a_background_paragraph_takes_its_date(knowledge: KnowledgeBase) -> None:
    text = (
        "Mourners gathered in Shiraz on Sunday to mark the anniversary.\n\n"
        "In the summer of 1988, a panel of judges sent thousands of prisoners to their deaths. "
        "The executions were ordered by the country's leader."
    )
    ordered = [m for m in _mentions(knowledge, text) if m.event == "ASSAULT" and "ordered" in m.text]
    assert ordered and ordered[0].historical and ordered[0].date == "1988"


def test_an_anniversary_lead_puts_a_yearless_date_in_the_recalled_year(knowledge: KnowledgeBase) -> None:
    text = (
        "Two years after the crackdown on fuel protests, families of the dead gathered at a cemetery "
        "in Isfahan on Friday and were dispersed by police.\n\n"
        "The protests began on 12 March, when the government tripled petrol prices, and at least "
        "40 people were killed within a week."
    )
    found = _mentions(knowledge, text, published="2024-03-16")
    began = [m for m in found if m.event == "PROTEST" and "began" in m.text]
    assert began and began[0].date == "2022-03-12" and began[0].historical


def test_events_inside_the_period_an_annual_report_covers_are_news(knowledge: KnowledgeBase) -> None:
    text = (
        "A monitoring group said on Monday that courts handed down at least 300 death sentences in 2021.\n\n"
        "Four men were hanged in Qom on 2 March, the group said."
    )
    hanged = _one(knowledge, text, "ASSAULT", published="2022-01-10")
    assert hanged.date == "2021-03-02"
    assert not hanged.historical


@pytest.mark.parametrize(
    ("text", "event", "claimant"),
    [
        # a description resolves to the name the text gave before
        (
            "The Baluch Rights Network (BRN) said it had lost contact with its monitors.\n\n"
            "BRN said police had detained eleven men in Saravan on Friday.",
            "COERCE",
            "Baluch Rights Network",
        ),
        (
            "Justice Minister Ali Rezvani spoke to reporters in Tehran on Sunday.\n\n"
            "According to the minister, protesters set fire to four banks in Arak.",
            "ASSAULT",
            "Ali Rezvani",
        ),
        (
            "The Free Nurses Association called the strike after pay talks failed.\n\n"
            "Police detained twelve nurses in Rasht on Monday, the association said.",
            "COERCE",
            "Free Nurses Association",
        ),
        (
            "Guards hanged at least 90 prisoners in 2021, according to figures published by "
            "Oslo Prison Watch on Tuesday.",
            "ASSAULT",
            "Oslo Prison Watch",
        ),
        # the name after the description, when the parser sets both as subjects
        ("The rights group Kurd Watch said police shot two porters near Baneh.", "ASSAULT", "Kurd Watch"),
        # a claimant who cites evidence makes the claim; a news agency citing someone passes it on
        (
            "Amnesty International said 30 people were killed in Izeh, citing witnesses and video footage.",
            "ASSAULT",
            "Amnesty International",
        ),
        (
            "Reuters reported that 30 people were killed in Izeh, citing two local officials.",
            "ASSAULT",
            "officials",
        ),
        # the speaker of a participle clause is the subject it hangs on
        (
            "State television blamed foreign agents, saying they had set fire to a mosque in Shiraz.",
            "ASSAULT",
            "State television",
        ),
    ],
)
def test_claimant_by_its_name(text: str, event: str, claimant: str, knowledge: KnowledgeBase) -> None:
    m = _one(knowledge, text, event)
    assert m.claimed_by is not None and m.claimed_by.entity_text.endswith(claimant), m.claimed_by


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a second act of the speaker is not something the speaker reports
        ("The governor confirmed two deaths and accused exiles of stoking the unrest.", "ACCUSE"),
        # a reason cited is not a source
        (
            "The European Union imposed sanctions on the prosecutor, citing his role in executions.",
            "SANCTION",
        ),
    ],
)
def test_no_claimant(text: str, event: str, knowledge: KnowledgeBase) -> None:
    assert _one(knowledge, text, event).claimed_by is None


def test_a_dateline_does_not_make_the_story_town(knowledge: KnowledgeBase) -> None:
    text = (
        "BEIRUT, March 3 (Example Wire) – Police fired on striking miners in Kerman on Sunday.\n\n"
        "At least nine miners were killed, a local activist said. Kerman has been tense for weeks."
    )
    killed = [m for m in _mentions(knowledge, text, "2023-03-03") if m.counts]
    assert killed and killed[0].event_loc is not None and killed[0].event_loc.extracted_place == "Kerman"


def test_the_dateline_date_dates_no_event(knowledge: KnowledgeBase) -> None:
    text = (
        "BEIRUT, March 6 (Example Wire) – Police fired on striking miners in Kerman last Thursday, "
        "killing at least nine, a local activist said."
    )
    fired = [m for m in _mentions(knowledge, text, "2023-03-06") if m.event == "ASSAULT"]
    assert fired and all(m.date == "2023-03-02" for m in fired)


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Up to 40 people may have died, a local doctor said.", True),  # a past event, hedged
        ("Activists say that police could arrest more of the miners.", False),  # still to come
        ("At least 40 people have since been arrested, activists said.", False),  # a span up to now
    ],
)
def test_borrowed_dates_only_for_past_events(sentence: str, dated: bool, knowledge: KnowledgeBase) -> None:
    text = "Police fired on striking miners in Kerman on 2 March.\n\n" + sentence
    later = [m for m in _mentions(knowledge, text, "2023-03-06") if m.text == sentence]
    assert later and (later[0].date == "2023-03") is dated, [(m.event, m.date) for m in later]


@pytest.mark.parametrize(("lead", "dated"), [(True, True), (False, False)])
def test_a_lead_in_the_present_perfect_tells_the_news(
    lead: bool, dated: bool, knowledge: KnowledgeBase
) -> None:
    perfect = (
        "Police have detained dozens of striking miners who rallied outside the copper works, "
        "their union said."
    )
    told = "The miners gathered in Kerman on 2 March to demand wages unpaid since the winter."
    text = f"{perfect}\n\n{told}" if lead else f"{told}\n\n{perfect}"
    detained = _one(knowledge, text, "COERCE", published="2023-03-06")
    assert (detained.date == "2023-03-02") is dated and (detained.date is None) is not dated


@pytest.mark.parametrize(
    ("sentence", "event", "dated"),
    [
        ("Guards beat the two men in the prison yard.", "ASSAULT", True),
        # what led to the hanging, on days the text does not give
        ("Their lawyers said the two men were tortured into confessing.", "ASSAULT", False),
        ("The two men were convicted of arson by a revolutionary court.", "SANCTION", False),
    ],
)
def test_a_verdict_or_torture_borrows_no_date(
    sentence: str, event: str, dated: bool, knowledge: KnowledgeBase
) -> None:
    text = "Two men were hanged in Qom prison on 2 March, rights groups said.\n\n" + sentence
    later = [m for m in _mentions(knowledge, text, "2023-03-06") if m.text == sentence and m.event == event]
    assert later and (later[0].date is not None) is dated, [(m.event, m.mode, m.date) for m in later]


def test_a_paragraph_opening_on_a_day_sets_the_scene_of_the_next(knowledge: KnowledgeBase) -> None:
    text = (
        "On Friday evening, hundreds of dockworkers protested at the port gates in Bushehr.\n\n"
        "A union organiser was arrested near the gates and held for several hours."
    )
    arrested = _one(knowledge, text, "COERCE", published="2023-05-15")
    assert arrested.date == "2023-05-12"


def test_a_date_that_dates_a_statement_sets_no_scene(knowledge: KnowledgeBase) -> None:
    # the story starts on 3 May; Friday's report neither starts it nor sets the next paragraph's scene
    text = (
        "Dockworkers walked out at the port of Bushehr on 3 May.\n\n"
        "On Friday, the rights group reported that dozens of dockworkers had protested in Bushehr.\n\n"
        "A union organiser was arrested near the gates and held for several hours."
    )
    arrested = _one(knowledge, text, "COERCE", published="2023-05-15")
    assert arrested.date != "2023-05-12"


def test_a_descriptive_clause_neither_moves_the_story_nor_anchors_relative_dates(
    knowledge: KnowledgeBase
) -> None:
    text = (
        "On Friday evening, students rallied at the university in memory of the poet, "
        "a writer killed in a car bomb in Beirut on 2 April.\n\n"
        "Police arrested two of the organisers the following day."
    )
    summoned = _one(knowledge, text, "COERCE", published="2023-05-15")
    assert summoned.date == "2023-05-13"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # an offset of days from an undated event: the month of the sentence's dated time
        ("Unrest spread in late August, two days after police detained the teacher in Ilam.", "2023-08"),
        ("Unrest spread in late August, hours after police detained the teacher in Ilam.", "2023-08"),
    ],
)
def test_a_short_unresolved_offset_takes_the_month_of_its_sentence(
    sentence: str, date: str | None, knowledge: KnowledgeBase
) -> None:
    # the story's latest episode, which an undated event would otherwise borrow, is September
    text = "Police fired on crowds in Ilam on 14 September.\n\n" + sentence
    detained = [m for m in _mentions(knowledge, text, "2023-10-02") if m.event == "COERCE"]
    assert detained and detained[0].date == date, [(m.event, m.date) for m in detained]


@pytest.mark.parametrize(
    ("text", "event", "claimant"),
    [
        (
            "The Paris-based group Kurd Watch said police shot two porters near Baneh.",
            "ASSAULT",
            "Kurd Watch",
        ),
        (
            "Police shot two porters near Baneh, provincial spokesman Reza Tavakoli said.",
            "ASSAULT",
            "Reza Tavakoli",
        ),
        # a name is not cut at its own words
        ("Human Rights Watch said police shot two porters near Baneh.", "ASSAULT", "Human Rights Watch"),
    ],
)
def test_a_description_before_a_name_is_not_part_of_it(
    text: str, event: str, claimant: str, knowledge: KnowledgeBase
) -> None:
    m = _one(knowledge, text, event)
    assert m.claimed_by is not None and m.claimed_by.entity_text == claimant


@pytest.mark.parametrize(
    ("text", "event", "actors", "recipients"),
    [
        # the dateline's city and a weekday the parser took for a noun take no part
        (
            "SHIRAZ (Example Agency) – Governor Ali Namdar on Tuesday rejected the reports as lies.",
            "REJECT",
            ["Governor Ali Namdar"],
            ["reports"],
        ),
        # what is set or opened is the means: the target follows "to" or "on"
        ("Rioters set fire to two banks in Arak.", "ASSAULT", ["Rioters"], ["banks"]),
        ("Guards opened fire on the crowd in Arak.", "ASSAULT", ["Guards"], ["crowd"]),
    ],
)
def test_participants(
    text: str, event: str, actors: list[str], recipients: list[str], knowledge: KnowledgeBase
) -> None:
    m = _one(knowledge, text, event, published="2023-05-18")
    assert [a.entity_text for a in m.actor] == actors
    assert [r.entity_text for r in m.recipient] == recipients


def test_what_an_appeal_asks_for_is_still_to_come(knowledge: KnowledgeBase) -> None:
    text = "The exile council urged supporters to take part in a rally in Vienna on Saturday."
    found = {m.event: m for m in _mentions(knowledge, text, published="2022-10-05")}  # a Wednesday
    rally, appeal = found["PROTEST"], found["REQUEST"]
    assert (rally.modality, rally.date) == ("future", "2022-10-08")  # the coming Saturday
    assert [a.entity_text for a in rally.actor] == ["supporters"]  # who is urged to take part
    assert rally.event_loc is not None and rally.event_loc.resolved_place == "Vienna"
    assert (appeal.modality, appeal.date) == ("asserted", None)  # Saturday is the rally's


def test_who_took_part_is_the_actor(knowledge: KnowledgeBase) -> None:
    rally = _one(knowledge, "Thousands of farmers took part in rallies in Isfahan on Friday.", "PROTEST")
    assert [a.entity_text for a in rally.actor] == ["farmers"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Police arrested six of them, a local lawyer said.", "Shahr-e Kord"),  # the story's town
        ("Police arrested farmers in several towns, a local lawyer said.", "Iran"),
        ("Farmers went on strike at dozens of villages, a local lawyer said.", "Iran"),
        ("Police arrested protesters across the country, a local lawyer said.", "Iran"),
    ],
)
def test_an_event_over_many_places_is_not_in_the_story_town(
    sentence: str, place: str, knowledge: KnowledgeBase
) -> None:
    text = (
        "Farmers marched in Shahrekord in Iran on Sunday over water shortages.\n\n"
        + sentence
        + "\n\nThe governor of Shahrekord promised a new pipeline."
    )
    m = [e for e in _mentions(knowledge, text) if e.text == sentence]
    assert m and m[0].event_loc is not None
    assert m[0].event_loc.resolved_place == place


def test_a_killing_that_describes_someone_in_an_anniversary_piece_is_of_the_recalled_episode(
    knowledge: KnowledgeBase
) -> None:
    text = (
        "Two years after the crackdown on fuel protests, families of the dead gathered at a cemetery "
        "in Isfahan on Friday and were dispersed by police.\n\n"
        "On Friday evening, agents detained the father of a student killed in Shiraz."
    )
    mentions = _mentions(knowledge, text, "2024-03-16")
    found = [m for m in mentions if m.event == "ASSAULT" and "agents" in m.text]
    assert found and found[0].date == "2022-03" and found[0].historical
