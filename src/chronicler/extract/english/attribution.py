"""Who the sentence says claims an event: ``claimed_by``.

News attributes in a few ways, all handled here:

- a reporting verb governing the event's clause: "Amnesty said (that) 304 were killed",
  "304 were killed, Amnesty said"; the innermost one wins ("X told Reuters that officials said ...");
- a denial verb: "the office denied that forces fired" (the denier claims, negatively);
- a prepositional source: "according to X", "citing X", "quoting X"; "citing" names the original
  source behind the reporter ("Reuters reported ..., citing three officials");
- a pronoun subject ("he said") continues the last named claimant of the text.

The outlet speaking in its own voice gives no claimant.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from chronicler.extract.english.arguments import _arguments, is_cut, noun_phrase
from chronicler.extract.findings import Participant
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues

EXTRACTOR = "attribution.deps.v1"

COMPLEMENT_DEPS = {
    "ccomp",
    "parataxis",
    "xcomp",
    "advcl",
    "conj",
    "dobj",
    "relcl",
    "acl",
    "pcomp",
    "prep",
    "pobj",
    "attr",  # "said there had been no report of her being beaten"
}


@dataclass(frozen=True)
class Attribution:
    claimant: Participant | None
    verb: Token | None  # the reporting or denial verb, when there is one
    denied: bool
    pronoun: bool = False  # "he said": the caller continues the previous claimant
    head: Token | None = None  # the claimant's head word, for resolving "the group" to its name


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _subject(verb: Token) -> Token | None:
    quoted = _quoted(verb)
    if quoted is not None:
        return quoted
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        # "One man was reported killed", "Iran is said to have ...": a passive reporting verb's
        # subject is what is reported; the speaker, if any, is its agent ("was reported by X").
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return agents[0] if agents else None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        # "The rights group HRANA said": the parser may hang description and name side by side;
        # the name is the claimant. "Families of ... plan to ..., a relative told IJO": of two
        # subjects the one next to the verb is its speaker.
        subject = min(subjects, key=lambda s: abs(verb.i - s.i))
        if subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            return verb.head  # "the UN, which puts the number at 580": the noun the clause is on
        return subject
    if verb.dep_ == "conj":
        return _subject(verb.head)
    if verb.dep_ == "acl":
        return verb.head  # "Hengaw, ..., tweeted", "a statement from the ministry saying ..."
    if verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG":
        # "State media blamed ..., saying they had attacked": the participle's speaker is the
        # subject of the clause it hangs on.
        return _subject(verb.head)
    return _stranded_speaker(verb)


def _quoted(verb: Token) -> Token | None:
    """ "IRNA quoted a police official as saying ...": the one quoted speaks, not the outlet. ``verb``
    is the quoting verb (the event its complement) or the "saying" after "as"."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.dep_ == "prep":
        verb = verb.head.head
    says = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
               for c in verb.children)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects[0] if says and objects else None


def _stranded_speaker(verb: Token) -> Token | None:
    """ "..., killed an officer, IRNA, the state news agency, said": a reporting verb the parser left
    without a subject speaks through the name it hung, with its description, on the word before."""
    before = [t for t in verb.doc[verb.sent.start : verb.i] if not t.is_punct]
    if not before or before[-1].dep_ != "appos":
        return None
    top = before[-1]
    while top.head.dep_ == "appos":
        top = top.head
    # "meeting in Abuja, Nigeria, announced": a place is never the speaker.
    return top if top.pos_ == "PROPN" and top.ent_type_ not in {"GPE", "LOC", "FAC"} else None


def _prep_source(sent: Span, vocab: EnglishWords) -> Token | None:
    """The head noun after "according to", "citing", "quoting" in the sentence."""
    for tok in sent:
        low = tok.lower_
        if low == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            for g in tok.doc[tok.i + 1].children:
                if g.dep_ == "pobj":
                    return g
        if low in vocab.citing_words:
            for g in tok.children:
                if g.dep_ in {"dobj", "obj", "pobj"} and not _reason(g):
                    return g
    return None


def _reason(tok: Token) -> bool:
    """ "citing his role in ...", "citing their concerns": a reason given, not a source quoted."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def reports(verb: Token, cues: Cues, vocab: EnglishWords) -> bool:
    """A reporting or denial verb; one that only reports a figure does so with it: "put the toll
    *at* 40" and "gave a toll of 19" report, "put up roadblocks", "put a curfew in place" and "gave
    a speech" do not."""
    lemma = _lemma(verb)
    if lemma not in cues.speech_verbs | cues.denial_verbs or verb.pos_ not in {"VERB", "AUX"}:
        return False
    # The parser may hang "at 300" on the counted noun's participle: "put the number arrested at 300".
    if lemma not in vocab.figure_verbs:
        return True
    if any(c.dep_ == "prt" for c in verb.children):
        return False
    if toll_object(verb, vocab) is not None:
        return True
    return any(t.lower_ in vocab.figure_preps and any(g.like_num for g in t.subtree) for t in verb.subtree)


def toll_object(verb: Token, vocab: EnglishWords) -> Token | None:
    """The toll a figure verb gives as its object: "put *the toll* as high as 148", "gave *a toll* of 19"."""
    if _lemma(verb) not in vocab.figure_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in vocab.figure_objects), None)


def _governing_verb(trigger: Token, cues: Cues, vocab: EnglishWords) -> Token | None:
    """The innermost reporting or denial verb whose complement holds the trigger."""
    cur = trigger
    described = True  # no relative clause between: "Families of those executed", not "X, who saw ..."
    claim_noun = None
    figures = None
    while cur.head.i != cur.i:
        parent = cur.head
        if cur.dep_ == "ccomp" and parent.pos_ in {"NOUN", "PROPN"}:
            # "“Police fired on the crowd,” Hengaw, a group based in Oslo, tweeted": the parser may
            # make the speaker the head of the quote and its verb a clause on the speaker.
            said = [c for c in parent.children if c.dep_ == "acl" and reports(c, cues, vocab)]
            if said:
                return said[0]
        if _claim_noun(cur, parent, vocab):
            claim_noun = claim_noun or parent  # a reporting verb further out still speaks for it
        if reports(parent, cues, vocab) and _infinitive(parent):
            pass  # "journalists who hoped to report on the protest": an intention, not a report
        elif reports(parent, cues, vocab):
            if cur.dep_ == "conj":
                break  # "X told reporters ... and called for ...": a second act of X, not reported content
            if described and cur == _subject(parent):
                # "Families of those executed say ...": the event describes the speaker, who does
                # not report it; "X, who witnessed the killings, said" reports them.
                return None
            if not _sourceless_figure(parent, vocab):
                return parent
            # "Officials told the agency that internal reports put the toll at 180": figures
            # with no author are the words of whoever reports them further out.
            figures = figures or parent
            cur = parent
            continue
        described = described and cur.dep_ != "relcl"
        if cur.dep_ not in COMPLEMENT_DEPS and cur.dep_ not in {"nsubj", "nsubjpass", "aux", "auxpass"}:
            break
        cur = parent
    aside = _aside(trigger, cues, vocab)
    if aside is not None or claim_noun is not None or figures is not None:
        return aside or claim_noun or figures
    # "304 were killed, Amnesty said": the reporting verb is the root and the event its ccomp.
    root = trigger.sent.root
    if (
        root.i != trigger.i
        and _lemma(root) in cues.speech_verbs
        and reports(root, cues, vocab)
        and root.i > trigger.i
        and trigger.i in {t.i for t in root.subtree}
    ):
        return root
    return None


def _sourceless_figure(verb: Token, vocab: EnglishWords) -> bool:
    """A figure verb whose subject is information nobody is said to have given: "reports put the toll"."""
    subject = _subject(verb)
    return (
        _lemma(verb) in vocab.figure_verbs
        and subject is not None
        and _lemma(subject) in vocab.info_nouns
        and not any(c.dep_ in {"poss", "prep", "acl", "relcl"} for c in subject.children)
    )


def _claim_noun(clause: Token, noun: Token, vocab: EnglishWords) -> bool:
    """ "amid reports that protests are planned": an information noun whose "that" clause holds the event."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in vocab.info_nouns
        and clause.dep_ in {"acl", "ccomp"}
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clause_path(trigger: Token) -> list[Token]:
    """The trigger and its heads up to the first adverbial or relative clause it sits in: an aside
    of the main clause does not report "as they did in November, when the network was cut"."""
    path = [trigger]
    while path[-1].head.i != path[-1].i and path[-1].dep_ not in {"advcl", "relcl"}:
        path.append(path[-1].head)
    return path


def _aside(trigger: Token, cues: Cues, vocab: EnglishWords) -> Token | None:
    """A reporting clause set off by a comma that the parser hung beside the event's clause.

    "If the protests grow, analysts said, the authorities could ..." (parataxis); "Police detained
    four people, a relative told the agency." (a conjunct with no "and" before it). The clause has
    its own subject and reports nothing after it.
    """
    for node in _clause_path(trigger):
        for child in node.children:
            if child.dep_ not in {"parataxis", "conj"} or not reports(child, cues, vocab):
                continue
            if not any(c.dep_ == "nsubj" for c in child.children):
                continue
            if any(c.dep_ in {"ccomp", "xcomp"} for c in child.children):
                continue
            before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
            if child.dep_ == "conj" and (child.i < trigger.i or before is None or before.text != ","):
                continue
            return child
    return None


_TAG_MAX_WORDS = 5
# Who a headline's tag names as its source ("... - rights group", "Activists: ...").
_TAG_SOURCES = {"activist", "witness", "official", "source", "monitor", "medium", "report"}


def _tagged_source(trigger: Token, vocab: EnglishWords) -> Token | None:
    """The source a headline names apart from its clause: "Ten killed as protests spread - rights
    group", "Activists: police fired on mourners". A short noun phrase, cut off by a dash or a
    colon from the clause that holds the event, whose head is a word for a source (not a place,
    "Iran:", nor a name, which may be the outlet's own)."""
    sent = trigger.sent
    marks = [t for t in sent if is_cut(t)]  # not "|", which sets off a page title's site name
    for mark in marks:
        if mark.i > trigger.i and mark != marks[-1]:
            continue  # a tail is what follows the last mark
        if mark.i < trigger.i and mark.text != ":":
            continue  # "Ahvaz Monitor – News from Khuzestan": before a dash is the site's own name
        part = sent.doc[mark.i + 1 : sent.end] if mark.i > trigger.i else sent.doc[sent.start : mark.i]
        words = [t for t in part if not t.is_punct]
        if any(t.text in {"(", ")"} or (t.is_upper and len(t) > 1) for t in part):
            continue  # a dateline, "TEHRAN (State Agency) –", names where and who files, not a source
        if not words or len(words) > _TAG_MAX_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in words):
            continue
        head = next((t for t in reversed(words) if t.pos_ in {"NOUN", "PROPN"}), None)
        if head is None or head.ent_type_ in {"GPE", "LOC", "FAC", "DATE"}:
            continue
        sources = vocab.generic_org_nouns | vocab.news_nouns | vocab.role_nouns | _TAG_SOURCES
        if head.lemma_.lower() in sources:  # a name alone may be the outlet's own ("... - Reuters")
            return head
    return None


def _cites_behind(source: Token, verb: Token, actors: ActorIndex, vocab: EnglishWords) -> bool:
    """Whether "citing X" only names the evidence of a claimant who is not a news organisation.

    A news agency that cites someone passes the claim on ("Reuters reported, citing three
    officials": the officials claim it); a rights group or an official who cites witnesses or
    footage makes the claim itself.
    """
    if source.head.lower_ not in vocab.citing_words:
        return False
    subject = _subject(verb)
    if subject is None or subject.pos_ == "PRON":
        return False
    args = _arguments([subject], None, actors, vocab)
    return bool(args) and args[0].entity.sector != "MED" and subject.lemma_.lower() not in vocab.news_nouns


def find_claimant(
    trigger: Token, cues: Cues, when: str | None, actors: ActorIndex, vocab: EnglishWords
) -> Attribution:
    sent = trigger.sent
    verb = _governing_verb(trigger, cues, vocab)
    denied = verb is not None and _lemma(verb) in cues.denial_verbs
    source = _prep_source(sent, vocab)
    if source is not None and verb is not None and _cites_behind(source, verb, actors, vocab):
        source = None  # "Amnesty said ..., citing witnesses": Amnesty makes the claim
    if source is not None and (verb is None or source.lower_ not in vocab.speaker_pronouns):
        head = source
    elif verb is not None and verb.pos_ == "NOUN":
        head, verb = verb, None  # "reports that ...": the report is the source
    elif verb is not None:
        subject = _subject(verb)
        if subject is None:
            return Attribution(None, verb, denied)
        head = subject
    else:
        tagged = _tagged_source(trigger, vocab)
        if tagged is None:
            return Attribution(None, None, False)
        head = tagged
    return _spoken(head, verb, denied, when, actors, vocab)


def spoken_by(
    verb: Token, cues: Cues, when: str | None, actors: ActorIndex, vocab: EnglishWords
) -> Attribution:
    """Who speaks through the reporting verb ``verb``: its subject, or its agent when passive."""
    subject = _subject(verb)
    denied = _lemma(verb) in cues.denial_verbs
    if subject is None:
        return Attribution(None, verb, denied)
    return _spoken(subject, verb, denied, when, actors, vocab)


def _spoken(
    head: Token, verb: Token | None, denied: bool, when: str | None, actors: ActorIndex, vocab: EnglishWords
) -> Attribution:
    if noun_phrase(head, vocab) is None:
        return Attribution(None, verb, denied, pronoun=head.pos_ == "PRON")
    args = _arguments([head], when, actors, vocab)
    return Attribution(args[0] if args else None, verb, denied, head=head)
