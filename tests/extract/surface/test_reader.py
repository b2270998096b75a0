"""French, German and Persian articles read end to end by the surface reader.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from chronicler.extract.facts.counts import find_counts
from chronicler.extract.facts.places import find_places
from chronicler.extract.facts.times import find_dates
from chronicler.extract.surface.reader import extract_foreign
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention


def _doc(text: str, language: str, published: str = "2024-03-06") -> Document:
    return Document(
        id="t",
        source="test",
        text=text,
        content_hash="h",
        published=published,
        outlet="zeitung.example",
        language=language,
    )


def _events(
    knowledge: KnowledgeBase, text: str, language: str, published: str = "2024-03-06"
) -> list[EventMention]:
    return list(extract_foreign(_doc(text, language, published), language, knowledge))


def _one(knowledge: KnowledgeBase, text: str, language: str, event: str) -> EventMention:
    found = [m for m in _events(knowledge, text, language) if m.event == event]
    assert len(found) == 1, [(m.event, m.trigger) for m in _events(knowledge, text, language)]
    return found[0]


# -- which events ------------------------------------------------------------------------------

GERMAN_EVENTS = [
    ("In Täbris sind am Montag drei Gewerkschafter festgenommen worden.", ["COERCE"]),
    ("Die Behörden richteten am Dienstag einen jungen Mann in Schiras hin.", ["ASSAULT"]),
    ("Tausende Lehrerinnen demonstrierten am Sonntag vor dem Parlament.", ["PROTEST"]),
    ("Ein Gericht hat den Journalisten zu acht Jahren Haft verurteilt.", ["SANCTION"]),
    ("Der Außenminister verurteilte die Gewalt gegen Frauen scharf.", ["ACCUSE"]),
    # frames and descriptions are no events
    ("Bei den Protesten im Herbst spielten Studentinnen eine große Rolle.", []),
    ("Die festgenommenen Männer stammen aus der Provinz Kurdistan.", []),
    ("Seit Beginn der Proteste hat sich die Stimmung im Land verändert.", []),
    ("Am Mittwoch fiel in Teheran der erste Schnee des Winters.", []),
    # general news vocabulary: streets, tear gas, curfew, internet, demands
    ("Am Freitagabend zogen Hunderte Studenten auf die Straßen von Rascht.", ["PROTEST"]),
    ("An den Kundgebungen beteiligten sich vor allem junge Leute.", ["PROTEST"]),
    ("Die Einsatzkräfte feuerten am Abend Tränengas in die Menge.", ["ASSAULT"]),
    ("Zwei Wachleute wurden bei dem Überfall schwer verwundet.", ["ASSAULT"]),
    ("Die Ermordung der Aktivistin hat viele Menschen erschüttert.", ["ASSAULT"]),
    ("Der Gouverneur verhängte am Abend eine Ausgangssperre.", ["COERCE"]),
    ("In drei Provinzen wurde das mobile Internet unterbrochen.", ["COERCE"]),
    ("Die Gewerkschaft verlangte höhere Löhne für die Busfahrer.", ["REQUEST"]),
    ("Die Lehrer fordern seit Monaten bessere Renten.", ["REQUEST"]),
    ("Die Wahlen forderten keine Opfer, die Stimmung blieb ruhig.", []),
    ("Der Wasserwerfer stand den ganzen Tag vor dem Museum.", []),
    ("Die Stromversorgung wurde am Morgen kurz unterbrochen.", []),
    ("Die Wachen schossen mit scharfer Munition auf die Menge.", ["ASSAULT"]),
    ("Die Spieler schossen am Ende noch drei Tore auf dem nassen Rasen.", []),
    ("Für die Innenstadt gilt ab Montag ein Demonstrationsverbot.", ["COERCE"]),
    ("Das Gericht prüft das Demonstrationsverbot der Stadt.", []),
]


@pytest.mark.parametrize(("text", "events"), GERMAN_EVENTS)
def test_german_events(text: str, events: list[str], knowledge: KnowledgeBase) -> None:
    assert [m.event for m in _events(knowledge, text, "de")] == events


FRENCH_EVENTS = [
    ("La police a arrêté samedi une vingtaine d'étudiants à Tabriz.", ["COERCE"]),
    ("Trois manifestants ont été tués par balles mercredi à Zahedan.", ["ASSAULT"]),
    ("Des milliers d'ouvriers ont manifesté lundi devant la raffinerie d'Abadan.", ["PROTEST"]),
    ("Le tribunal a condamné l'avocate à cinq ans de prison.", ["SANCTION"]),
    ("Le ministre a condamné les violences commises contre les journalistes.", ["ACCUSE"]),
    # frames, modifiers and policies are no events
    ("Depuis le début de la contestation, le prix du pain a doublé.", []),
    ("Les étudiants arrêtés étudient tous à l'université de Téhéran.", []),
    ("Il faut arrêter la production de ce modèle, estime le directeur.", []),
    # general news vocabulary: nouns as subjects, crowd control, curfew, demands, warnings
    ("Les protestations se sont étendues à plusieurs villes du sud.", ["PROTEST"]),
    ("Le cortège a traversé le centre-ville dans le calme.", ["PROTEST"]),
    ("La police a procédé à l'interpellation de six syndicalistes.", ["COERCE"]),
    ("Le militant a été appréhendé devant son domicile.", ["COERCE"]),
    ("Les gendarmes ont dispersé les manifestants à coups de gaz lacrymogène.", ["ASSAULT"]),
    ("L'assassinat de l'avocat a provoqué la colère des habitants.", ["ASSAULT"]),
    ("Le préfet a imposé un couvre-feu dans trois quartiers.", ["COERCE"]),
    ("Les infirmières exigent une hausse de leurs salaires.", ["REQUEST"]),
    ("Le général a mis en garde les étudiants contre tout nouveau rassemblement.", ["THREATEN"]),
    ("Les négociations entre les deux camps ont repris mardi.", ["CONSULT"]),
    ("Ils sont venus pour exiger des explications.", []),
    ("Le vieil homme marche chaque matin jusqu'au marché.", []),
    ("La marche à suivre reste floue pour les candidats.", []),
    ("Un sit-in s'est tenu devant la préfecture.", ["PROTEST"]),
    ("Les grévistes ont lancé des slogans contre le patronat.", ["PROTEST"]),
    ("L'entreprise a lancé un nouveau modèle de voiture.", []),
    ("La chorale a entonné l'hymne national au stade.", []),
    # an inflected verb the small tagger calls an adverb is still the verb
    ("Des dizaines de personnes défilent, ce vendredi, à Oran.", ["PROTEST"]),
]


@pytest.mark.parametrize(("text", "events"), FRENCH_EVENTS)
def test_french_events(text: str, events: list[str], knowledge: KnowledgeBase) -> None:
    assert [m.event for m in _events(knowledge, text, "fr")] == events


# -- modality ------------------------------------------------------------------------------------

MODALITY = [
    ("de", "Die Polizei hat in Rascht niemanden festgenommen, der Kinder begleitete.", "COERCE", "negated"),
    ("de", "Die Aktivistin soll im Gefängnis gefoltert worden sein.", "ASSAULT", "hedged"),
    ("de", "Die Männer wurden angeblich in Isfahan hingerichtet.", "ASSAULT", "hedged"),
    ("de", "Ob die Gefangenen bald freigelassen werden, ist unklar.", "RETREAT", "hypothetical"),
    ("de", "Die Lehrer wollen am Samstag erneut demonstrieren.", "PROTEST", "future"),
    ("fr", "La police n'a pas arrêté les manifestants de Karaj.", "COERCE", "negated"),
    ("fr", "Les autorités n'ont reconnu que deux morts à Ahvaz.", "ASSAULT", "asserted"),
    ("fr", "Les gardiens auraient tué deux détenus dans la prison.", "ASSAULT", "hedged"),
    ("fr", "Les infirmières manifesteront jeudi devant le ministère.", "PROTEST", "future"),
    ("fr", "Le bilan pourrait grimper, et la police pourrait tuer encore.", "ASSAULT", "hypothetical"),
]


@pytest.mark.parametrize(("language", "text", "event", "modality"), MODALITY)
def test_modality(language: str, text: str, event: str, modality: str, knowledge: KnowledgeBase) -> None:
    assert _one(knowledge, text, language, event).modality == modality


# -- claimant, date, counts, places --------------------------------------------------------------


def test_german_source_and_konjunktiv_continuation(knowledge: KnowledgeBase) -> None:
    text = (
        "Nach Angaben von Amnesty International wurden in Mahabad vier Demonstranten getötet. "
        "Mindestens 200 Menschen seien festgenommen worden."
    )
    killed, arrested = _events(knowledge, text, "de")
    assert killed.claimed_by is not None and killed.claimed_by.identifier_id == "amnesty-international"
    assert arrested.claimed_by == killed.claimed_by
    assert arrested.modality == "asserted"
    assert [(c.kind, c.low, c.qualifier) for c in arrested.counts] == [("arrested", 200, "at_least")]
    assert killed.event_loc is not None and killed.event_loc.admin1 == "West Azerbaijan"


def test_german_zufolge_and_weekday(knowledge: KnowledgeBase) -> None:
    text = "HRANA zufolge wurden am Samstag in Karadsch zwölf Arbeiter verhaftet."
    m = _one(knowledge, text, "de", "COERCE")
    assert m.claimed_by is not None and m.claimed_by.entity_text == "HRANA"
    assert m.date == "2024-03-02"  # the Saturday before Wednesday 6 March 2024
    assert m.counts[0].low == 12
    assert m.event_loc is not None and m.event_loc.resolved_place == "Karaj"


@pytest.mark.parametrize(
    ("text", "language", "event"),
    [
        (
            "Am Montag wurden in Täbris drei Studenten festgenommen. Die Polizei hat sie "
            "in Haft misshandelt.",
            "de",
            "ASSAULT",
        ),
        (
            "Lundi, trois étudiants ont été arrêtés à Tabriz. La police les a frappés en détention.",
            "fr",
            "ASSAULT",
        ),
    ],
)
def test_an_undated_event_takes_the_day_of_its_paragraph(
    text: str, language: str, event: str, knowledge: KnowledgeBase
) -> None:
    m = _one(knowledge, text, language, event)
    assert m.date == "2024-03-04"


@pytest.mark.parametrize(
    ("between", "date"),
    [
        ("", "2024-03-04"),  # the story names no other date: still Monday
        ("Ihre Familie erfuhr es erst am 5. März.\n\n", "2024-03"),  # another date between: the month
    ],
)
def test_an_undated_event_of_a_later_paragraph(between: str, date: str, knowledge: KnowledgeBase) -> None:
    text = (
        "Am Montag wurden in Täbris drei Studenten festgenommen.\n\n"
        + between
        + "Die Polizei hat sie misshandelt."
    )
    assert _one(knowledge, text, "de", "ASSAULT").date == date


def test_german_dateline_is_no_event_place(knowledge: KnowledgeBase) -> None:
    m = _one(knowledge, "Teheran/Wien – Im Iran sind zwei Frauen festgenommen worden.", "de", "COERCE")
    assert m.event_loc is not None and m.event_loc.resolution == "country"


def test_finding_claims_its_content(knowledge: KnowledgeBase) -> None:
    text = "Ein Revolutionsgericht hatte den Mann für schuldig befunden, einen Polizisten getötet zu haben."
    assault = _one(knowledge, text, "de", "ASSAULT")
    assert assault.claimed_by is not None and assault.claimed_by.entity_text == "Revolutionsgericht"
    assert assault.actor == ()


def test_french_inverted_speaker_and_dates(knowledge: KnowledgeBase) -> None:
    text = (
        "Au moins douze manifestants ont été tués samedi à Sanandaj, a affirmé lundi Amnesty International."
    )
    m = _one(knowledge, text, "fr", "ASSAULT")
    assert m.claimed_by is not None and m.claimed_by.identifier_id == "amnesty-international"
    assert m.date == "2024-03-02"  # samedi, not lundi: the day the source spoke
    assert [(c.kind, c.low) for c in m.counts] == [("dead", 12)]


def test_french_selon_and_round_figure(knowledge: KnowledgeBase) -> None:
    text = "Selon l'agence Fars, une centaine de personnes ont été interpellées à Machhad et à Chiraz."
    m = _one(knowledge, text, "fr", "COERCE")
    assert m.claimed_by is not None and "Fars" in m.claimed_by.entity_text
    assert [(c.low, c.qualifier) for c in m.counts] == [(100, "about")]


def test_verbal_event_speaker_is_no_claimant(knowledge: KnowledgeBase) -> None:
    text = "Le porte-parole a déclaré mardi et a appelé les manifestants au calme."
    m = _one(knowledge, text, "fr", "REQUEST")
    assert m.claimed_by is None and m.event_loc is None


# -- Persian: facts without events ----------------------------------------------------------------

PERSIAN_COUNTS = [
    ("دست‌کم ۱۵ کارگر در آبادان بازداشت شدند.", ("arrested", 15, None, "at_least")),
    ("بیش از ۲۰۰ نفر در مشهد تجمع کردند.", ("participants", 200, None, "more_than")),
    ("ده‌ها معلم در شیراز تجمع کردند.", ("participants", None, None, "vague")),
]


@pytest.mark.parametrize(("text", "expected"), PERSIAN_COUNTS)
def test_persian_counts(text: str, expected: tuple[object, ...], knowledge: KnowledgeBase) -> None:
    c = find_counts(text, knowledge.language("fa"))[0].count
    assert (c.kind, c.low, c.high, c.qualifier) == expected


PERSIAN_DATES = [
    ("کارگران روز شنبه ۵ اسفند ۱۴۰۲ در اهواز تجمع کردند.", "2024-02-24"),
    ("معلمان روز سه‌شنبه در تبریز تجمع کردند.", "2024-03-05"),
]


@pytest.mark.parametrize(("text", "expected"), PERSIAN_DATES)
def test_persian_dates(text: str, expected: str, knowledge: KnowledgeBase) -> None:
    assert find_dates(text, "2024-03-06", None, knowledge.language("fa").dates)[0].date == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("بازنشستگان در کرمانشاه و تبریز تجمع کردند.", ["Kermanshah", "Tabriz"]),
        ("کارگران مقابل استانداری استان خوزستان گرد آمدند.", ["Khuzestan"]),
    ],
)
def test_persian_places(text: str, place: list[str], knowledge: KnowledgeBase) -> None:
    assert [m.location.resolved_place for m in find_places(text, knowledge.gazetteer)] == place


# -- Persian: events ------------------------------------------------------------------------------

PERSIAN_EVENTS = [
    # each trigger family, as the light verb writes it in several tenses and spellings
    ("صدها معلم روز گذشته مقابل مجلس تجمع کردند.", [("PROTEST", "demo")]),
    ("کارگران پتروشیمی از صبح دوشنبه دست به اعتصاب زدند.", [("PROTEST", "strike")]),
    ("دانشجویان در محوطه دانشگاه شعار «آزادی» سر دادند.", [("PROTEST", "demo")]),
    ("مأموران به سوی جمعیت تیراندازی کردند.", [("ASSAULT", "firearms")]),
    ("سه جوان بامداد امروز در زندان مرکزی اعدام شدند.", [("ASSAULT", "targeted")]),
    ("دو کشاورز در این درگیری به قتل رسیدند.", [("ASSAULT", None)]),
    ("پلیس امنیت پنج فعال مدنی را بازداشت کرده است.", [("COERCE", "arrest")]),
    ("چند روزنامه‌نگار در رشت دستگیر شده اند.", [("COERCE", "arrest")]),
    ("مغازه‌های بازار به دستور دادستانی پلمب شدند.", [("COERCE", "restrict")]),
    ("دادگاه این فعال کارگری را به پنج سال حبس محکوم کرد.", [("SANCTION", "convict")]),
    ("وزارت خارجه این حمله را محکوم کرد.", [("ACCUSE", "disapprove")]),
    ("سخنگوی وزارت کشور این خبر را تکذیب نمود.", [("REJECT", None)]),
    ("دادستان، این وکیل را به همکاری با دشمن متهم کرد.", [("ACCUSE", "allege")]),
    ("اتحادیه اروپا خواستار آزادی بی‌قیدوشرط زندانیان شد.", [("REQUEST", None)]),
    ("فرمانده پلیس معترضان را به برخورد قاطع تهدید کرد.", [("THREATEN", None)]),
    ("نیروهای یگان ویژه در میدان اصلی شهر مستقر شدند.", [("MOBILIZE", "police")]),
    ("این دو کارگر پس از یک هفته با قرار وثیقه آزاد شدند.", [("RETREAT", "release")]),
    # nouns that name a topic or a frame, a described participle, a habit: no event
    ("اعتراض به گرانی نان در شهرهای کوچک بیشتر شنیده می‌شود.", []),
    ("پس از تظاهرات هفته گذشته، بازار شهر آرام بود.", []),
    ("خانواده‌های افراد بازداشت شده به دادستانی رفتند.", []),
    ("این تجمع‌ها هر ماه در میدان شهر برگزار می‌شود.", []),
    ("باران شدید دیروز در شمال کشور ادامه داشت.", []),
    ("آمار اعدام در سال گذشته افزایش یافت.", []),
    # a sentence to death is no execution
    ("دادگاه انقلاب دو معترض را محکوم به اعدام کرد.", [("SANCTION", "convict")]),
]


@pytest.mark.parametrize(("text", "events"), PERSIAN_EVENTS)
def test_persian_events(text: str, events: list[tuple[str, str | None]], knowledge: KnowledgeBase) -> None:
    assert [(m.event, m.mode) for m in _events(knowledge, text, "fa")] == events


PERSIAN_MODALITY = [
    ("مقام‌های محلی گفتند که هیچ معترضی کشته نشده است.", "ASSAULT", "negated"),
    ("سخنگوی پلیس گفت: «کسی در این تجمع بازداشت نشد.»", "COERCE", "negated"),
    ("گزارش‌ها حاکی از آن است که چند دانشجو بازداشت شده‌اند.", "COERCE", "hedged"),
    ("گفته می‌شود سه زندانی در زندان قزل‌حصار اعدام شده‌اند.", "ASSAULT", "hedged"),
    ("ظاهراً دو نفر در این درگیری‌ها کشته شدند.", "ASSAULT", "hedged"),
    ("پرستاران هفته آینده مقابل وزارت بهداشت تجمع خواهند کرد.", "PROTEST", "future"),
    ("قرار است رانندگان روز شنبه در اصفهان اعتصاب کنند.", "PROTEST", "future"),
    ("اگر دستمزدها افزایش نیابد، کارگران اعتصاب خواهند کرد.", "PROTEST", "future"),
    ("ممکن است شماری از دانشجویان بازداشت شوند.", "COERCE", "hypothetical"),
    ("دو فعال کارگری در سنندج بازداشت شدند.", "COERCE", "asserted"),
]


@pytest.mark.parametrize(("text", "event", "modality"), PERSIAN_MODALITY)
def test_persian_modality(text: str, event: str, modality: str, knowledge: KnowledgeBase) -> None:
    assert _one(knowledge, text, "fa", event).modality == modality


@pytest.mark.parametrize(
    ("text", "event", "claimant"),
    [
        ("به گزارش خبرگزاری ایرنا، پلیس ۲۰ نفر را در مشهد دستگیر کرد.", "COERCE", "خبرگزاری ایرنا"),
        ("به گفته اهالی روستا، مأموران سه جوان را بازداشت کردند.", "COERCE", "اهالی روستا"),
        ("به گفته یک منبع آگاه، این فعالان به زندان اوین منتقل شده‌اند.", "COERCE", "یک منبع آگاه"),
        ("عفو بین‌الملل اعلام کرد که دست‌کم ۵۰ معترض کشته شده‌اند.", "ASSAULT", "عفو بین‌الملل"),
    ],
)
def test_persian_claimant(text: str, event: str, claimant: str, knowledge: KnowledgeBase) -> None:
    found = _one(knowledge, text, "fa", event).claimed_by
    assert found is not None and claimant in found.entity_text


def test_persian_source_covers_only_what_follows_it(knowledge: KnowledgeBase) -> None:
    text = "ده‌ها کارگر در اراک تجمع کردند و به گفته شاهدان، مأموران چند نفر را بازداشت کردند."
    assert _one(knowledge, text, "fa", "PROTEST").claimed_by is None
    claimant = _one(knowledge, text, "fa", "COERCE").claimed_by
    assert claimant is not None and claimant.entity_text == "شاهدان"


def test_persian_pronoun_continues_the_source(knowledge: KnowledgeBase) -> None:
    text = "سخنگوی عفو بین‌الملل به خبرنگاران گفت که ۱۰ نفر کشته شدند. وی گفت که ۳۰ نفر بازداشت شده‌اند."
    coerce = _one(knowledge, text, "fa", "COERCE")
    assert coerce.claimed_by is not None and coerce.claimed_by.identifier_id == "amnesty-international"


def test_persian_denial_gives_reject_and_negated_event(knowledge: KnowledgeBase) -> None:
    text = "معاون وزیر کشور روز سه‌شنبه این گزارش‌ها را تکذیب کرد و گفت: «هیچ کارگری بازداشت نشده است.»"
    reject, coerce = _one(knowledge, text, "fa", "REJECT"), _one(knowledge, text, "fa", "COERCE")
    assert reject.date == "2024-03-05" and reject.modality == "asserted"
    assert coerce.modality == "negated" and coerce.claimed_by is not None


def test_persian_calendar_date_digits_counts_and_places_reach_the_event(knowledge: KnowledgeBase) -> None:
    text = (
        "بازنشستگان فولاد روز شنبه ۵ اسفند ۱۴۰۲ در چند شهر، از جمله اهواز و اصفهان، "
        "در اعتراض به حقوق پایین تجمع کردند. در اهواز، مأموران دست‌کم ۱۵ نفر را بازداشت کردند."
    )
    protest, coerce = _one(knowledge, text, "fa", "PROTEST"), _one(knowledge, text, "fa", "COERCE")
    assert protest.date == "2024-02-24" and not protest.historical
    assert [p.resolved_place for p in protest.places] == ["Ahvaz", "Isfahan"]
    assert protest.event_loc is not None and protest.event_loc.resolved_place == "Ahvaz"
    assert [(c.kind, c.low, c.qualifier) for c in coerce.counts] == [("arrested", 15, "at_least")]
    assert coerce.event_loc is not None and coerce.event_loc.resolved_place == "Ahvaz"
    assert coerce.date is not None and coerce.date.startswith("2024-02")


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("مأموران امنیتی دو تن از معترضان را بازداشت کردند.", "COERCE", ["مأموران امنیتی"], ["معترضان"]),
        ("سه دانشجو توسط مأموران لباس‌شخصی ضرب و شتم شدند.", "ASSAULT", ["مأموران لباس‌شخصی"], []),
        ("کارگران، در اعتراض به دستمزدها، مقابل فرمانداری تجمع کردند.", "PROTEST", ["کارگران"], []),
        # the speaker before "که" is no argument of what follows
        ("قوه قضاییه اعلام کرد که دو معترض محکوم به اعدام شده‌اند.", "SANCTION", [], ["معترض"]),
    ],
)
def test_persian_arguments(
    text: str, event: str, actor: list[str], recipient: list[str], knowledge: KnowledgeBase
) -> None:
    m = _one(knowledge, text, "fa", event)
    assert [a.entity_text for a in m.actor] == actor
    assert [r.entity_text for r in m.recipient] == recipient


def test_persian_announced_plan_is_no_claim(knowledge: KnowledgeBase) -> None:
    m = _one(knowledge, "معلمان اعلام کرده‌اند که یکشنبه آینده در تهران تجمع خواهند کرد.", "fa", "PROTEST")
    assert m.modality == "future" and m.date == "2024-03-10" and m.claimed_by is None
    assert [a.entity_text for a in m.actor] == ["معلمان"]


def test_persian_reaches_the_pipeline(knowledge: KnowledgeBase) -> None:
    from chronicler.pipeline import process

    doc = _doc("دست‌کم ۱۵ کارگر در آبادان بازداشت شدند.", "fa")
    (m,) = process(doc, knowledge).mentions
    assert m.event == "COERCE" and m.counts[0].low == 15 and m.event_loc is not None
    assert m.event_loc.resolved_place == "Abadan"


def test_a_toll_in_a_later_paragraph_takes_only_the_month(knowledge: KnowledgeBase) -> None:
    text = "Lundi, des ouvriers ont manifesté à Tabriz.\n\nSelon des militants, 12 personnes ont été tuées."
    m = [e for e in _events(knowledge, text, "fr") if e.event == "ASSAULT"]
    assert m and m[-1].date == "2024-03", [(e.event, e.date) for e in _events(knowledge, text, "fr")]


def test_a_span_up_to_now_takes_no_borrowed_date(knowledge: KnowledgeBase) -> None:
    """As "have since been arrested" in English: no earlier day or month dates a span up to now."""
    text = "Lundi, des ouvriers ont manifesté à Tabriz.\n\nDes dizaines de personnes ont été arrêtées depuis."
    m = [e for e in _events(knowledge, text, "fr") if e.event == "COERCE"]
    assert m and m[-1].date is None
