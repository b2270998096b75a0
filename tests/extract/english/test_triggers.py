from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from chronicler.extract.english.triggers import find_triggers
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Lexicon
from chronicler.records import EventMention

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police arrested twelve students outside the university on Sunday.", [("COERCE", "arrest")]),
        ("Riot police fired tear gas at the crowd.", [("ASSAULT", "crowd-control")]),
        ("Riot police fired teargas and rubber bullets at the crowd.", [("ASSAULT", "crowd-control")]),
        ("Two organisers were condemned to death by a revolutionary court.", [("SANCTION", "convict")]),
        ("The union condemned the dismissals.", [("ACCUSE", "disapprove")]),
        ("Mobile services in the province were cut off on Friday.", [("COERCE", "withhold")]),
        ("Officers took nine students into custody.", [("COERCE", "arrest")]),
        ("Guards fired live ammunition at mourners in Izeh.", [("ASSAULT", "firearms")]),
        ("Mobile internet in Saqqez was disrupted for two days.", [("COERCE", "withhold")]),
        ("Riot police units were sent to the city of Izeh on Monday.", [("MOBILIZE", "police")]),
        ("The army sent troops and tanks to the border town.", [("MOBILIZE", "troops")]),
        ("Hundreds of nurses took to the streets of Shiraz.", [("PROTEST", "demo")]),
        (
            "The court sentenced two men to death, and they were executed at dawn.",
            [("SANCTION", "convict"), ("ASSAULT", "targeted")],
        ),
        ("Guards opened fire on the marchers.", [("ASSAULT", "firearms")]),
        ("Bus drivers went on strike in the capital.", [("PROTEST", "strike")]),
        ("A drone strike hit a convoy near the border.", [("ASSAULT", "drone")]),
        ("The authorities shut down the internet for a week.", [("COERCE", "withhold")]),
        ("The minister accused foreign media of spreading lies.", [("ACCUSE", "allege")]),
        ("The spokesman denied the report.", [("REJECT", None)]),
        ("The two foreign ministers met in Muscat.", [("CONSULT", None)]),
        ("Activists put up banners in several towns.", [("PROTEST", "demo")]),
        # two speakers, two acts of one type; one speaker's words restate one act
        (
            "The ministry summoned the envoy, accusing him of spying, while his government "
            "condemned the summons as theatre.",
            [("ACCUSE", "allege"), ("ACCUSE", "disapprove")],
        ),
        ("The minister accused the envoy of spying and condemned his conduct.", [("ACCUSE", "allege")]),
        # two doers, two protests; a restatement that denies is no second event
        (
            "Students rallied at three universities, and shopkeepers went on strike.",
            [("PROTEST", "demo"), ("PROTEST", "strike")],
        ),
        ("Dozens of people were killed, but the governor says no such number died.", [("ASSAULT", None)]),
        # idioms of news language
        ("At least forty prisoners were put to death last year.", [("ASSAULT", "targeted")]),
        ("Two tax offices were set ablaze in the night.", [("ASSAULT", "destroy")]),
        ("A patrol came under fire near the border.", [("ASSAULT", "firearms")]),
        ("The court found both men guilty on Monday.", [("SANCTION", "convict")]),
        ("The ministry opened an investigation into the shooting.", [("ACCUSE", "investigate")]),
        ("Unrest broke out in several towns after the price rise.", [("PROTEST", "riot")]),
        ("Police used batons to disperse the nurses.", [("ASSAULT", "crowd-control")]),
        ("The crowd dispersed peacefully after an hour.", []),
        ("Thousands of workers took part in the strikes.", [("PROTEST", "strike")]),
        ("Rights groups urged the council to open an inquiry.", [("REQUEST", None)]),  # asked for, not opened
        # calling someone by a disparaging name accuses; calling a report a lie rejects it
        ("Lawyers called the hearing a sham.", [("ACCUSE", "disapprove")]),
        ("The governor called the protesters mercenaries of foreign powers.", [("ACCUSE", "disapprove")]),
        ("The council described the dismissals as unlawful.", [("ACCUSE", "disapprove")]),
        ("The ministry described the casualty reports as baseless.", [("REJECT", None)]),
        # general news vocabulary: the crowd as subject, an object that names the act
        ("Hundreds of nurses gathered outside the ministry on Tuesday.", [("PROTEST", "demo")]),
        ("Bus drivers are striking in nine cities.", [("PROTEST", "strike")]),
        ("Mourners shouted slogans at the cemetery.", [("PROTEST", "demo")]),
        ("Students tore down a portrait of the governor.", [("PROTEST", "vandalize")]),
        ("The authorities put two men to death at dawn.", [("ASSAULT", "targeted")]),
        ("Nine villagers lost their lives in the shelling.", [("ASSAULT", None)]),
        ("Crowds burned two banks and a police station.", [("ASSAULT", "destroy")]),
        ("Four reporters were taken into custody on Friday.", [("COERCE", "arrest")]),
        ("The council barred dozens of candidates from the vote.", [("COERCE", "restrict")]),
        ("The court handed the blogger a five-year sentence.", [("SANCTION", "convict")]),
        ("Riot police were stationed outside the stadium.", [("MOBILIZE", "police")]),
        (
            "The president condemned the attack and the opposition slammed the response.",
            [("ACCUSE", "disapprove"), ("ACCUSE", "disapprove")],
        ),
        ("Diplomats resumed negotiations in Geneva.", [("CONSULT", None)]),
        # what protesters demand is their protest's voice; an organisation's demand is an appeal
        ("The protesters demanded the release of the detainees.", [("PROTEST", "demo")]),
        ("Pensioners rallied outside the fund, calling for higher pensions.", [("PROTEST", "demo")]),
        ("Retirees held protests in six cities, calling for higher pensions.", [("PROTEST", "demo")]),
        ("Nurses marched, shouting “Demand your wages!”", [("PROTEST", "demo")]),
        ("The union urged the ministry to raise wages.", [("REQUEST", None)]),
        # a strike or raid that harms is an attack, not a stoppage or a search
        ("The strike on the market injured eleven shoppers.", [("ASSAULT", None)]),
        ("An air raid on the village flattened two houses.", [("ASSAULT", "aerial")]),
        # a gathering that is reported, a crowd that shouts or turns out, a veil taken off in public
        ("Gatherings were reported in several towns on Friday.", [("PROTEST", "demo")]),
        ("Hundreds of retirees shouted outside the fund's office.", [("PROTEST", "demo")]),
        ("Thousands of farmers turned out in the provincial capital.", [("PROTEST", "demo")]),
        ("Some women took off their headscarves in the square.", [("PROTEST", None)]),
        ("Schoolgirls removed their hijabs in the playground.", [("PROTEST", None)]),
        # held by a force is an arrest; the passive's doer is its subject
        ("Twelve people were held by officers near the bazaar.", [("COERCE", "arrest")]),
        ("Security agents picked up two reporters at the airport.", [("COERCE", "arrest")]),
        # a state pulling out of an accord; talks as a plural noun
        ("The country pulled out of the accord in 2018.", [("SANCTION", "withdraw")]),
        ("Talks between the two delegations resumed in Vienna.", [("CONSULT", None)]),
        # a cut as monitors see it; a war that claims lives; forces brought in or arriving
        ("Monitors recorded outages of fixed-line and mobile connections.", [("COERCE", "withhold")]),
        ("Internet access was severed in the border province.", [("COERCE", "withhold")]),
        ("The authorities switched off mobile internet in three cities.", [("COERCE", "withhold")]),
        ("Connectivity dropped sharply by the evening.", [("COERCE", "withhold")]),
        ("Residents reported the cutting of mobile internet access.", [("COERCE", "withhold")]),
        ("The government pulled the plug on the internet.", [("COERCE", "withhold")]),
        ("Monitors recorded a sharp drop in connectivity across the province.", [("COERCE", "withhold")]),
        ("The war has claimed thousands of lives.", [("ASSAULT", None)]),
        ("The government quit the agreement in 2018.", [("SANCTION", "withdraw")]),
        ("More riot police were brought in from the capital.", [("MOBILIZE", "police")]),
        ("Army reinforcements arrived in the town overnight.", [("MOBILIZE", "troops")]),
        # what happened without something: the something did not happen
        ("Guards opened fire on the crowd without warning.", [("ASSAULT", "firearms")]),
        ("Security forces used live ammunition against the marchers.", [("ASSAULT", "firearms")]),
        ("Police used excessive force against the students.", [("ASSAULT", None)]),
        # a strike launched, ordered or aimed at a target is an attack; one by workers a stoppage
        ("The army launched strikes on two depots near the border.", [("ASSAULT", "aerial")]),
        ("A retaliatory strike destroyed the radar station.", [("ASSAULT", "aerial")]),
        ("The strike on Monday closed most shops in the bazaar.", [("PROTEST", "strike")]),
        ("Bus drivers began a strike over unpaid wages.", [("PROTEST", "strike")]),
        # verbal acts in other words: faulting, voicing outrage, pleading, declining to do as asked
        ("The bar association faulted the verdict as a breach of due process.", [("ACCUSE", "disapprove")]),
        ("Several governments voiced outrage at the hanging.", [("ACCUSE", "disapprove")]),
        ("The mayor pleaded with the crowd to go home.", [("REQUEST", None)]),
        ("The strikers declined to leave the square.", [("REJECT", None)]),
        ("The minister branded the marchers hooligans.", [("ACCUSE", "disapprove")]),
        # forces on the streets, prisoners set free, ties cut
        ("Soldiers patrolled the empty streets of the capital.", [("MOBILIZE", "troops")]),
        ("The authorities stepped up security around the university.", [("MOBILIZE", None)]),
        ("Four of the teachers were set free on bail.", [("RETREAT", "release")]),
        ("The bloc announced it was cutting off relations with the junta.", [("SANCTION", "discontinue")]),
        # crowds fighting the police
        ("Clashes broke out in several districts of the city overnight.", [("PROTEST", "riot")]),
        ("Students clashed with riot police outside the campus.", [("PROTEST", "riot")]),
        ("Guards turned their rifles on the marchers.", [("ASSAULT", "firearms")]),
        ("Police sprayed the crowd from an armoured truck.", [("ASSAULT", "crowd-control")]),
    ],
)
def test_triggers(
    nlp: Language,
    lexicon: Lexicon,
    english: EnglishWords,
    sentence: str,
    expected: list[tuple[str, str | None]],
) -> None:
    sent = next(nlp(sentence).sents)
    assert [(h.event, h.trigger.mode) for h in find_triggers(sent, lexicon, english)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Two people were killed in the protests last month.",  # the protests are only the setting
        "The protest movement has a long history.",  # a noun used as a modifier
        "The committee has not released a final toll.",  # releasing a figure is no RETREAT
        "The exhibition hangs portraits of old masters.",
        "The club fired its coach on Monday.",  # firing someone from a job
        "The storm disrupted flights for two days.",
        "The ministry sent a letter to the union.",
        "He was jailed for his part in the protests.",  # why he was jailed: the protest is the setting
        "Police held everyone who had taken part in the protests.",  # who was held
        "The court found the evidence convincing.",
        "The minister called the talks useful.",
        "He called the leader of the terrorist group on Monday.",
        "Police described the attack by terrorists in detail.",
        "Envoys gathered in Geneva for the conference.",  # a gathering of diplomats is no protest
        "Two drivers were detained in the course of the strike.",  # the strike is the setting
        "Two guards were wounded in clashes near the border.",  # the clashes are the setting
        "Police detained dozens of students at a rally in the capital.",  # where the arrests were made
        "The missile struck a warehouse near the port.",  # the strike of a weapon, not of workers
        "The company burned the old files.",  # nothing of a protest or an attack burnt
        "The station released photos of the new bridge.",  # releasing pictures frees no one
        "The claim is supported by satellite images.",  # evidence that supports, no backing of a party
    ],
)
def test_non_events(nlp: Language, lexicon: Lexicon, english: EnglishWords, sentence: str) -> None:
    sent = next(nlp(sentence).sents)
    events = {h.event for h in find_triggers(sent, lexicon, english)}
    assert not events & {"PROTEST", "RETREAT", "SANCTION", "ACCUSE", "REJECT", "SUPPORT"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Police held a press conference on Monday.",  # a force that holds an event holds no one
        "The storm claimed four lives.",  # a disaster's toll is no attack
        "The foreign minister arrived in Geneva on Monday.",  # arriving is no deployment
        "Ticket sales dropped sharply by the evening.",
        "The council pulled the plug on the stadium project.",
        "Prices showed a sharp drop in March.",
        "The spokesman declined to comment on the arrests.",  # no refusal of anything asked
        "The defendant pleaded guilty to fraud.",
        "Volunteers patrolled the beach for litter.",  # patrolling is deployment only of forces
        "Farmers sprayed the orchards in spring.",
        "Among their slogans was “Workers, demand your wages!”",  # a slogan, not an appeal
        "The vote came after days of demonstrations calling for reform.",
        "Officers held their positions along the avenue.",
        "The minister said the talks were a matter for the cabinet.",  # talks only spoken of
    ],
)
def test_what_is_held_claimed_or_reached_is_no_event(
    nlp: Language, lexicon: Lexicon, english: EnglishWords, sentence: str
) -> None:
    sent = next(nlp(sentence).sents)
    found = {h.event for h in find_triggers(sent, lexicon, english)}
    assert not found & {"COERCE", "CONSULT", "ASSAULT", "MOBILIZE", "REJECT", "REQUEST"}


def test_a_toll_put_at_a_figure_is_no_execution(
    nlp: Language, lexicon: Lexicon, english: EnglishWords
) -> None:
    sent = next(nlp("The group put the death toll at 215.").sents)
    assert "targeted" not in {h.trigger.mode for h in find_triggers(sent, lexicon, english)}


def test_a_mislemmatised_form_is_repaired(read_text: Callable[..., tuple[EventMention, ...]]) -> None:
    """The small model lemmatises "staged" as "stag"; the reader repairs it from the pack."""
    text = "Retired teachers staged protests in front of the education office on Sunday."
    mentions = read_text(text, published="2024-03-04")
    assert [(m.event, m.mode) for m in mentions] == [("PROTEST", "demo")]


def test_no_one_hurt_is_no_event(nlp: Language, lexicon: Lexicon, english: EnglishWords) -> None:
    """An accident where nobody was hurt states no attack; people hurt by fire do."""
    sent = next(nlp("A bus slid into a barrier on the ring road, though no one was hurt.").sents)
    assert find_triggers(sent, lexicon, english) == []
    sent = next(nlp("Dozens of marchers were hurt by rubber bullets.").sents)
    assert [h.event for h in find_triggers(sent, lexicon, english)] == ["ASSAULT"]
