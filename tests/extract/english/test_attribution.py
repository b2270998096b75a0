"""Who claims an event: the reporting verb, its subject, and what is not a speaker."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from chronicler.extract.english import attribution

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event", "claimant"),
    [
        # "put" reports a figure it sets "at" a number, wherever the parser hangs the number
        ("Activists put the number of people detained at more than 300.", "COERCE", "Activists"),
        (
            "Rights groups put the number of students detained in Tabriz at 40.",
            "COERCE",
            "Rights groups",
        ),
        # ... and so do "raise" and "lift" a figure "to" a number
        (
            "Officials on Sunday raised the death toll from the unrest to at least nine.",
            "ASSAULT",
            "Officials",
        ),
        # a passive reporting verb's speaker is its agent
        (
            "It was reported by the Kurdistan Press Network that police shot two porters near Baneh.",
            "ASSAULT",
            "Kurdistan Press Network",
        ),
        # a reporting clause set off by a comma, which the parser hangs beside the event's clause
        ("Police detained four students in Tabriz, a relative told the agency.", "COERCE", "relative"),
        (
            "If the strike spreads, analysts said, the government could arrest union leaders.",
            "COERCE",
            "analysts",
        ),
        # of two subjects the parser gives a reporting verb, the one next to it speaks
        (
            "Families of prisoners plan to hold a vigil in Karaj on Friday, a relative told the agency.",
            "PROTEST",
            "relative",
        ),
        # the report's content may be a predicate noun
        (
            "Minister Ali Rezvani told reporters there had been no report of students being beaten.",
            "ASSAULT",
            "Minister Ali Rezvani",
        ),
        # an event in a relative clause on the speaker is one the speaker reports
        ("The lawyer, who witnessed the beatings, said the guards were never punished.", "ASSAULT", "lawyer"),
        # the parser may make the speaker of a quote its head and hang the reporting verb on it
        (
            "“Security forces have shot at residents in Baneh,” Kurd Watch, an organisation based in Oslo "
            "that tracks abuses in the border areas, tweeted without saying whether anyone died.",
            "ASSAULT",
            "Kurd Watch",
        ),
        # an infinitive reporting verb is an intention: the report further out speaks
        (
            "On Saturday, officials said that twelve reporters who had hoped to report on the strike in "
            "Abadan were detained.",
            "PROTEST",
            "officials",
        ),
        # "reports that ...": the reports are the source, unless a speaker further out has them
        ("Activists were alarmed by reports that students in Tabriz had been detained.", "COERCE", "reports"),
        (
            "The union said it had received reports that teachers in Tabriz had been detained.",
            "COERCE",
            "union",
        ),
        # a relative pronoun speaks for the noun its clause is on, not for the last claimant
        (
            "Amnesty International said police detained nine students.\n\nThe students, who said police beat "
            "them in custody, were released on Monday.",
            "ASSAULT",
            "students",
        ),
        # ... and a relative clause that reports nothing leaves the sentence's own speaker
        (
            "Amnesty International said police detained nine students.\n\nPolice beat the students, who were "
            "held in custody, a lawyer said.",
            "ASSAULT",
            "lawyer",
        ),
        # "voiced fears that": a claim about what may happen
        (
            "Amnesty International voiced fears that many more protesters could be killed in Zahedan.",
            "ASSAULT",
            "Amnesty International",
        ),
        # "quoted X as saying": the one quoted claims, not the outlet that quotes
        ("The state news agency quoted a police commander as saying 40 rioters were detained in Arak.",
         "COERCE", "police commander"),
        ("Police detained 40 rioters in Arak, the agency quoted a police commander as saying.",
         "COERCE", "police commander"),
        # whoever gives a toll claims it, whatever the figure's wording
        ("An exile rights group has put the toll in the marshes as high as 148.", "ASSAULT",
         "exile rights group"),
        ("Provincial officials have given a toll of 19, including five police officers.", "ASSAULT",
         "Provincial officials"),
        # figures nobody is said to have given are the words of whoever reports them
        ("Two officials told the agency that internal reports put the death toll at about 180.", "ASSAULT",
         "officials"),
        # a headline names its source apart from its clause, after a dash or before a colon
        ("Seven killed as protests spread to Arak - rights group", "ASSAULT", "rights group"),
        ("Activists: guards opened fire on mourners in Arak", "ASSAULT", "Activists"),
    ],
)
def test_claimant(text: str, event: str, claimant: str, claimant_of: Callable[..., str | None]) -> None:
    assert claimant_of(text, event) == claimant


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "put up", "put in place": no figure, no report
        ("Officials put a curfew in place after crowds attacked a police station in Tabriz.", "ASSAULT"),
        ("Soldiers put up roadblocks to stop protests spreading from the university.", "PROTEST"),
        ("Officials raised fuel prices by 50 percent, and protests spread to 20 cities.", "PROTEST"),
        # a passive reporting verb's subject is what is reported, not who reports it
        ("One man was reported killed in Sirjan on Friday.", "ASSAULT"),
        ("The militia is said to have executed seven prisoners.", "ASSAULT"),
        # "and told": a second act of the subject, not an aside
        ("Police detained four students in Tabriz and told reporters nothing.", "COERCE"),
        # an aside reports its own clause, not an adverbial clause of background inside it
        (
            "If the strike spreads, analysts said, police could block the roads, as they did in May, when "
            "the internet was cut.",
            "COERCE",
        ),
        # an event that describes the speaker is not reported by the speaker
        ("Relatives of protesters killed in Zahedan say they are watched by agents.", "ASSAULT"),
        # evidence with no author named claims nothing
        ("Footage shared online showed students marching through the campus in Tabriz.", "PROTEST"),
        ("According to estimates, about 200 teachers were detained at the rallies.", "COERCE"),
        # a place before a colon, a dateline before a dash, a site's name after a bar: no source
        ("Iran: guards opened fire on mourners in Arak", "ASSAULT"),
        ("ARAK (Example Agency) - Guards opened fire on mourners on Friday.", "ASSAULT"),
        ("Guards open fire on mourners in Arak | Example Rights Monitor", "ASSAULT"),
        ("Example Rights Monitor – guards open fire on mourners in Arak", "ASSAULT"),
    ],
)
def test_no_claimant(text: str, event: str, claimant_of: Callable[..., str | None]) -> None:
    assert claimant_of(text, event) is None


@pytest.mark.parametrize(
    ("text", "verb", "speaker"),
    [
        (
            "Masked men stormed a school in Sanandaj and beat two teachers, Rudaw, the Kurdish broadcaster, "
            "said Tuesday.",
            "said",
            "Rudaw",
        ),
        # a place before the verb is never its speaker
        (
            "Monday, the Gulf Cooperation Council, meeting urgently in Riyadh, Saudi Arabia, announced it "
            "was recalling its envoys.",
            "announced",
            None,
        ),
    ],
)
def test_a_stranded_verb_speaks_through_the_name_before_it(
    text: str, verb: str, speaker: str | None, nlp: Language
) -> None:
    doc = nlp(text)
    found = attribution._stranded_speaker(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == speaker
