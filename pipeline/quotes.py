"""Find an article's quotes: quotations between marks (direct, partial) and reported speech (indirect).

Quotations come from a scan of the quotation marks line by line, so an unbalanced mark costs only its
own quote; headings, titles and scare quotes are dropped. Cues, speakers and reported clauses come from
the dependency parse; "he", "the actor" and surnames are resolved to the article's people.
"""

from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from . import docindex, resources  # noqa: F401  (docindex: doc._.text, doc._.tokens)
from .keys import name_key
from .repair import english_words
from .people import HONORIFICS, find_person, person_named
from .schema import Person, Quote
from .quotations import (DOUBLE_MARKS, SENTENCE_END, SINGLE_MARKS, WORD, Quotation, body_lines, find_quotations,
                         looks_like_title, quoted_tokens)

CUES = resources.lexicon("quote_cues.json")
SPEECH_VERBS = frozenset(CUES["speech_verbs"])
DESCRIBE_VERBS = frozenset(CUES["describe_verbs"])
REPORT_VERBS = frozenset(CUES["report_verbs"])
REPORT_NEEDS_THAT = frozenset(CUES["report_needs_that"])
DESCRIPTION_NOUNS: dict[str, str] = CUES["description_nouns"]
GENDER_WORDS: dict[str, str] = CUES["gender_words"]
PRONOUNS: dict[str, str] = CUES["pronouns"]
UNNAMED_SPEAKERS = frozenset(CUES["unnamed_speakers"])
OUTLET_GENERIC = frozenset(CUES["outlet_generic_nouns"])
_NAMES = resources.lexicon("quote_names.json")
FIRST_NAMES = {n: "f" for n in _NAMES["female"]} | {n: "m" for n in _NAMES["male"]}

RELATIVE = frozenset({"who", "that", "which", "whom"})
DEFINITE = frozenset({"the", "this", "that"})
HEADING_WORDS = 25
TITLE_WORDS = 8
STATEMENT_WORDS = 3

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=[])


@dataclass
class Attribution:
    """Who a quotation is attributed to, and through which words."""

    speaker: str
    cue: str
    outlet: str = ""


# ---------------------------------------------------------------- the finder


class QuoteFinder:
    """Collect the quotes of one doc; people, credits and films come from the earlier components."""

    def __init__(self, doc: Doc, common_words: frozenset[str] = frozenset()):
        self.doc = doc
        self.common_words = common_words
        self.text = doc._.text
        self.people: list[Person] = [p for p in doc._.people if not p.fictional]
        self.roles: dict[str, set[str]] = {}
        for credit in doc._.credits:
            self.roles.setdefault(credit.person, set()).add(credit.role)
        self.lines = body_lines(self.text, HEADING_WORDS)
        self.quotations = find_quotations(self.text, HEADING_WORDS)
        self.quoted = quoted_tokens(doc, self.quotations)
        self.kinds = [self.kind(q) for q in self.quotations]
        self.direct = quoted_tokens(doc, [q for q, kind in zip(self.quotations, self.kinds) if kind == "direct"])
        self.outlet_cues = [(s, e) for _, s, e in outlet_matcher(doc.vocab)(doc)]
        self.genders = self._genders()
        self.referents: dict[int, Person | str | None] = {}
        self.history: list[tuple[int, Person]] = []
        self._track_subjects()

    def run(self) -> list[Quote]:
        """Direct and partial quotes, then indirect ones, in text order."""
        rows = self.quoted_rows() + self.indirect_rows()
        return sorted(rows, key=lambda q: q.start)

    # ------------------------------------------------------------ tokens and windows

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping the characters start..end."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def same_line(self, token: Token, other: Token) -> bool:
        """Whether two tokens are on the same line."""
        low, high = sorted((token.idx, other.idx))
        return "\n" not in self.text[low:high]

    def end_of(self, token: Token) -> int:
        """Where a reported clause ending with this token ends, without trailing punctuation ('$40m.')."""
        return len(self.text[:token.idx + len(token)].rstrip(".,;:"))

    def in_body(self, token: Token) -> bool:
        """Whether a token lies on a body line (not a heading)."""
        return any(start <= token.idx < end for start, end in self.lines)

    def _is_boundary(self, token: Token) -> bool:
        """Whether a token ends a cue window: a quotation, a line break or a sentence end."""
        return token.i in self.quoted or "\n" in token.text or token.text in SENTENCE_END

    def window_after(self, q: Quotation) -> list[Token]:
        """The tokens after a closing mark up to the sentence end or the next quotation."""
        after = self.tokens(q.end, q.end + 1)
        out: list[Token] = []
        i = after[-1].i + 1 if after else len(self.doc)
        tokens = self.doc._.tokens
        while i < len(tokens) and not self._is_boundary(tokens[i]):
            out.append(tokens[i])
            i += 1
        return out

    def window_before(self, q: Quotation) -> list[Token]:
        """The tokens before an opening mark back to the sentence start or the previous quotation."""
        mark = self.tokens(q.start - 1, q.start)
        out: list[Token] = []
        i = mark[0].i - 1 if mark else -1
        tokens = self.doc._.tokens
        while i >= 0 and not self._is_boundary(tokens[i]):
            out.append(tokens[i])
            i -= 1
        return out[::-1]

    def sentence_tokens(self, token: Token) -> list[Token]:
        """The tokens of a token's sentence outside quotations, cut at line breaks."""
        out = []
        for t in token.sent:
            if "\n" in t.text:
                if t.i > token.i:
                    break
                out = []
            elif t.i not in self.quoted:
                out.append(t)
        return out

    # ------------------------------------------------------------ people: gender, subjects, referents

    def _genders(self) -> dict[str, str]:
        """'m', 'f' or '' for each person, from role nouns before a mention, first names and later pronouns."""
        score: Counter = Counter()
        for person in self.people:
            score[person.name] += {"m": 2, "f": -2}.get(FIRST_NAMES.get(name_key(person.name).split()[0], ""), 0)
            for start, _ in person.mentions:
                before = self.text[max(0, start - 15):start].split()
                if before:
                    score[person.name] += {"m": 3, "f": -3}.get(GENDER_WORDS.get(before[-1].lower(), ""), 0)
        for sent in self.doc.sents:
            named = {p.name for p in self.people for s, _ in p.mentions if sent.start_char <= s < sent.end_char}
            if len(named) == 1:
                name = named.pop()
                first = min(s for p in self.people if p.name == name for s, _ in p.mentions if s >= sent.start_char)
                for t in self.doc._.tokens[sent.start:sent.end]:
                    if t.idx > first and t.i not in self.quoted and t.lower_ in PRONOUNS:
                        score[name] += 1 if PRONOUNS[t.lower_] == "m" else -1
        return {p.name: "m" if score[p.name] > 0 else "f" if score[p.name] < 0 else "" for p in self.people}

    def _track_subjects(self) -> None:
        """Record the people who are subjects of main clauses, in text order (for 'he' and 'the actor')."""
        for sent in self.doc.sents:
            verbs = [sent.root] + [c for c in sent.root.children if c.dep_ == "conj"]
            for verb in verbs:
                for subject in verb.children:
                    if subject.dep_ in {"nsubj", "nsubjpass"} and subject.i not in self.quoted:
                        for token in [subject, *subject.conjuncts]:
                            if isinstance(person := self.referent(token), Person):
                                self.history.append((token.i, person))

    def compatible(self, person: Person, gender: str) -> bool:
        """Whether a person may be referred to with a word of this gender."""
        return not gender or self.genders.get(person.name, "") in {"", gender}

    def choose(self, token: Token, gender: str, role: str = "", exclude: tuple[int, int] = (0, 0)) -> Person | None:
        """The person a pronoun or description at `token` refers to: the latest fitting main-clause subject,
        else the latest fitting mention; in an article's opening, the first fitting person named after it.
        A description ('the actor, who plays his ...') prefers people known to have its gender and role."""
        def latest(person: Person) -> int:
            return max((s for s, _ in person.mentions if s < token.idx and not exclude[0] <= s < exclude[1]),
                       default=-1)

        fitting = [p for p in self.people if self.compatible(p, gender)]
        earlier = [p for p in fitting if latest(p) >= 0]
        pool = earlier or [p for p in fitting if p.mentions[0][0] > token.idx]
        if role:
            pool = [p for p in pool if gender and self.genders.get(p.name) == gender] or pool
            pool = ([p for p in pool if role in self.roles.get(p.name, set())]
                    or [p for p in pool if p.name not in self.roles] or pool)
        if not earlier:
            return min(pool, key=lambda p: p.mentions[0][0]) if pool else None
        for i, person in reversed(self.history):
            if i < token.i and person in pool:
                return person
        return max(pool, key=latest)

    def referent(self, token: Token) -> Person | str | None:
        """The person a subject token stands for; '' for an unnamed speaker or a body; None for no speaker."""
        if token.i not in self.referents:
            self.referents[token.i] = self._referent(token)
        return self.referents[token.i]

    def _referent(self, token: Token) -> Person | str | None:
        named = self.named(token)
        if named is not None:
            return named
        word = token.lower_
        if word in PRONOUNS:
            return self.resolve_pronoun(token)
        if token.pos_ == "PRON":
            return "" if word in RELATIVE else None
        if token.pos_ == "PROPN":
            return ""
        noun = description_noun(token)
        determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
        if noun is not None and determiners <= DEFINITE and token.tag_ not in {"NNS", "NNPS"}:
            exclude = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
            return self.choose(token, description_gender(token, noun), DESCRIPTION_NOUNS[noun], exclude) or ""
        if noun is not None or token.lemma_.lower() in UNNAMED_SPEAKERS or word in UNNAMED_SPEAKERS:
            return ""
        return None

    def named(self, token: Token) -> Person | None:
        """The person named by a token (or the name it heads, or its apposition); a name the people
        extractor missed ('DiMarco said') becomes a person of its own."""
        parts = {"appos"} | ({"compound", "flat"} if token.pos_ == "PROPN" else set())
        for t in [token, *(c for c in token.children if c.dep_ in parts)]:
            person = find_person(self.people, t.idx, t.idx + len(t))
            if person is not None:
                return person
        if not token.text[:1].isupper() or token.lower_ in PRONOUNS:
            return None
        person = person_named(self.people, token.text)
        if person is None and self.unlisted_name(token):
            person = Person(name=name_text(token), mentions=[(token.idx, token.idx + len(token))])
            self.people.append(person)
        return person

    def unlisted_name(self, token: Token) -> bool:
        """Whether a proper noun outside the people list still names a person (tagged so, or acting as one)."""
        if token.pos_ != "PROPN" or self.in_film(token) or token.lower_ in UNNAMED_SPEAKERS:
            return False
        opener = token.is_sent_start and token.i + 1 < len(self.doc) and token.nbor().text == "," \
            and token.lower_ in self.common_words  # 'Backstage, X said'
        return token.ent_type_ == "PERSON" or token.ent_type_ == "" and not opener and looks_human(token)

    def in_film(self, token: Token) -> bool:
        """Whether a token is part of a film title."""
        return any(s <= token.idx < e for film in self.doc._.films for s, e in film.mentions)

    def resolve_pronoun(self, token: Token) -> Person | None:
        """'he'/'she': the subject of an enclosing clause, else an earlier subject of the same sentence
        with that gender, else the latest fitting subject or mention."""
        gender = PRONOUNS[token.lower_]
        verb = token.head
        while verb.head.i != verb.i and verb.dep_ in {"ccomp", "advcl", "conj", "xcomp", "relcl"}:
            verb = verb.head
            for child in verb.children:
                if child.dep_ == "nsubj" and child.i < token.i and child.i not in self.quoted:
                    person = self.referent(child)
                    if isinstance(person, Person) and self.compatible(person, gender):
                        return person
        for t in reversed(token.doc[token.sent.start:token.i]):
            if t.dep_ == "nsubj" and t.i not in self.quoted and t.lower_ not in PRONOUNS:
                person = self.referent(t)
                if isinstance(person, Person) and self.genders.get(person.name) == gender:
                    return person
        return self.choose(token, gender)

    # ------------------------------------------------------------ cues and speakers

    def subject(self, verb: Token) -> Token | None:
        """The subject of a verb, climbing through conjoined and subordinate verbs ('..., saying: ...');
        the agent of a passive one ('was called "..." by critics')."""
        for _ in range(6):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i not in self.quoted]
            if subjects:  # the nearest of two: 'Backstage, X told ...' parses both as subjects
                child = subjects[-1]
                return verb.head if child.lower_ in RELATIVE and verb.dep_ == "relcl" else child
            if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                return verb.head
            if verb.dep_ not in {"conj", "advcl", "xcomp", "pcomp"} or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def speaker(self, verb: Token, window: list[Token]) -> Person | str | None:
        """Who speaks through a cue verb; an inverted subject ('said Haddad') is read from the window."""
        subject = self.subject(verb)
        if subject is None:
            nominal = [t for t in window if t.pos_ in {"PROPN", "NOUN", "PRON"} or description_noun(t)]
            before = [t for t in nominal if t.i < verb.i and t.head.i == verb.i]
            subject = before[-1] if before else next((t for t in nominal if t.i > verb.i), None)
            while subject is not None and subject.head.i > subject.i and subject.head.pos_ in {"PROPN", "NOUN"}:
                subject = subject.head
        return self.referent(subject) if subject is not None else None

    def outlet(self, tokens: list[Token]) -> str:
        """The publication or programme a statement was given to ('told Variety', 'speaking to Empire')."""
        if not tokens:
            return ""
        first, last = tokens[0].i, tokens[-1].i
        for start, end in self.outlet_cues:
            if first <= start and end <= last + 1:
                name = self.outlet_at(end)
                if name:
                    return name
        return ""

    def outlet_at(self, i: int) -> str:
        """The proper name starting at token i, without a leading 'the' or trailing 'magazine', 'programme'."""
        words: list[Token] = []
        while i < len(self.doc) and (self.doc[i].lower_ == "the" and not words):
            i += 1
        while i < len(self.doc):
            t = self.doc[i]
            if not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in OUTLET_GENERIC
                    or t.text in {"'s", "’s", "&"}):
                break
            words.append(t)
            i += 1
        runs: list[list[Token]] = [[]]
        for t in words:
            if t.lower_ in OUTLET_GENERIC and not t.text[:1].isupper():
                runs.append([])
            else:
                runs[-1].append(t)
        run = next((r for r in reversed(runs) if r), [])
        while run and run[-1].text in {"'s", "’s", "&"}:
            run.pop()
        if not run or any(find_person(self.people, t.idx, t.idx + len(t)) for t in run):
            return ""
        return self.text[run[0].idx:run[-1].idx + len(run[-1])]

    def attribution(self, q: Quotation) -> Attribution | None:
        """The cue and speaker attached to a quotation: '..., he said', 'X said: ...', 'said X'."""
        before, after = self.window_before(q), self.window_after(q) if q.closed else []
        lead = self.lead(q)
        content = self.text[q.start:q.end].rstrip()
        verb = None
        if lead == ":":
            verb = last_speech_verb(before)
        if verb is None and after and (not content.endswith(".") or after[0].is_lower or len(after) <= 6):
            verb = next((t for t in after if is_speech_verb(t)), None)
        if verb is None and (lead in {",", ":"} or (before and is_speech_verb(before[-1]))):
            verb = last_speech_verb(before)
        if verb is None:
            return None
        window = before + after
        speaker = self.speaker(verb, window)
        return Attribution(speaker_name(speaker), cue_text(verb), self.outlet(window))

    # ------------------------------------------------------------ direct and partial quotes

    def quoted_rows(self) -> list[Quote]:
        """A row per quotation that someone says: direct statements and partial fragments."""
        rows: list[Quote] = []
        found = [self.attribution(q) if kind == "direct" else None for q, kind in zip(self.quotations, self.kinds)]
        previous: tuple[Quotation, Attribution] | None = None
        for k, (q, kind) in enumerate(zip(self.quotations, self.kinds)):
            if kind is None:
                continue
            text = self.text[q.start:q.end]
            if kind == "partial":
                attribution = self.partial_attribution(q)
            else:
                attribution = found[k] or self.continued(q, previous, k, found)
                if attribution is None or (found[k] is None and len(WORD.findall(text)) < STATEMENT_WORDS):
                    continue
                previous = (q, attribution)
            if attribution is not None:
                rows.append(Quote(attribution.speaker, text, kind, attribution.cue, q.start, q.end, attribution.outlet))
        return rows

    def kind(self, q: Quotation) -> str | None:
        """'direct' for a whole statement, 'partial' for a fragment of the writer's sentence, None for a title."""
        text = self.text[q.start:q.end]
        words = WORD.findall(text)
        lead = self.lead(q)
        after = self.window_after(q) if q.closed else []
        cued_after = bool(after) and is_speech_verb(after[0]) or len(after) > 1 and is_speech_verb(after[1])
        if not words or self.names_film(q) or looks_like_title(words, TITLE_WORDS) and not cued_after:
            return None
        before = self.window_before(q)
        statement = text[:1].isupper() or text[:1].isdigit() or text[:1] in "[(‘'"
        if lead in {"", ":"} or statement and (lead in ".!?,;—–-(" or last_speech_verb(before[-6:]) is not None):
            return "direct"
        return "partial"

    def lead(self, q: Quotation) -> str:
        """The last character before a quotation's opening mark on its line ('' at the line's start)."""
        line = self.text[self.text.rfind("\n", 0, q.start) + 1:q.start - 1].rstrip()
        return line[-1:]

    def names_film(self, q: Quotation) -> bool:
        """Whether a quotation is a film title."""
        inner = self.text[q.start:q.end].rstrip(".,!? ")
        return any(s <= q.start and q.start + len(inner) <= e for film in self.doc._.films for s, e in film.mentions)

    def continued(self, q: Quotation, previous: tuple[Quotation, Attribution] | None, k: int,
                  found: list[Attribution | None]) -> Attribution | None:
        """The attribution of a quotation without cue: the previous quote's when only its cue lies between,
        the next one's when it follows straight on, else the preceding sentence's subject."""
        if previous is not None and self.only_attribution_between(previous[0], q):
            return previous[1]
        if k + 1 < len(found) and found[k + 1] is not None:
            between = self.text[q.end:self.quotations[k + 1].start - 1]
            if not between.strip(" " + DOUBLE_MARKS + SINGLE_MARKS):
                return found[k + 1]
        return self.preceding_subject(q)

    def only_attribution_between(self, earlier: Quotation, later: Quotation) -> bool:
        """Whether nothing but the earlier quotation's attribution ('..., he said.') separates two quotations."""
        gap = self.text[earlier.end + earlier.closed:later.start - 1].strip()
        if not gap:
            return True
        one_clause = "\n" not in gap.rstrip(".!? ") and not any(c in SENTENCE_END for c in gap.rstrip(".!?…"))
        return one_clause and any(is_speech_verb(t) for t in self.window_after(earlier))

    def preceding_subject(self, q: Quotation) -> Attribution | None:
        """A quotation standing alone after a sentence: attributed to that sentence's subject."""
        mark = self.tokens(q.start - 1, q.start)
        if not mark or mark[0].i == 0:
            return None
        sentence = self.doc[mark[0].i - 1].sent
        subjects = [p for i, p in self.history if sentence.start <= i < sentence.end]
        return Attribution(subjects[0].name, "") if subjects else None

    def partial_attribution(self, q: Quotation) -> Attribution | None:
        """The cue verb governing a quoted fragment (or nearest in its sentence) and that verb's subject."""
        inside = self.tokens(q.start, q.end)
        if not inside:
            return None
        verb = governing_cue(inside)
        sentence = self.sentence_tokens(inside[0])
        if verb is None:
            verb = last_speech_verb([t for t in sentence if t.i < inside[0].i], describe=True)
        if verb is None:
            return None
        speaker = self.speaker(verb, [])
        if speaker is None:
            return None
        return Attribution(speaker_name(speaker), cue_text(verb), self.outlet(sentence))

    # ------------------------------------------------------------ indirect quotes

    def indirect_rows(self) -> list[Quote]:
        """Reported speech: 'X said (that) ...', 'X told Y ...', 'according to X, ...'."""
        rows: list[Quote] = []
        for token in self.doc._.tokens:
            according = token.lower_ == "according" and token.i + 1 < len(self.doc) and token.nbor().lower_ == "to"
            if not (according or token.pos_ == "VERB" and token.lemma_.lower() in REPORT_VERBS) \
                    or token.i in self.quoted or not self.in_body(token) or any(q.start <= token.idx < q.end for q in rows):
                continue
            rows.extend(self.according_to(token) if according else self.reported(token))
        return rows

    def reported(self, verb: Token) -> list[Quote]:
        """'X said (that) CLAUSE' or 'CLAUSE, X said': one row per named speaker."""
        if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
            return []
        if verb.dep_ == "parataxis" and verb.head.i > verb.i:
            return self.parenthetical(verb)
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i not in self.quoted), None)
        span, subject = None, self.subject(verb)
        if clause is not None and any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.children):
            if verb.lemma_.lower() in REPORT_NEEDS_THAT and not any(c.lower_ == "that" for c in clause.children):
                return []
            span = self.clause_span(clause, verb)
        if span is None or subject is None:
            span, subject = self.closing_cue(verb)
        if span is None or subject is None:
            return []
        speakers = [self.referent(t) for t in [subject, *subject.conjuncts]]
        start, end = span
        sentence = self.sentence_tokens(verb)
        outlet = self.outlet([t for t in sentence if t.idx < start or t.idx >= end])
        return [Quote(speaker_name(s), self.text[start:end], "indirect", cue_text(verb), start, end, outlet)
                for s in speakers if s is not None and (s != "" or unnamed_body(subject))]

    def closing_cue(self, verb: Token) -> tuple[tuple[int, int] | None, Token | None]:
        """'CLAUSE, X has said.': the clause before a comma, and the subject between it and the closing verb."""
        line = [t for t in verb.sent if self.same_line(t, verb) and not t.is_space]
        after = [t for t in line if t.i > verb.i]
        if any(t.text == ":" or t.i in self.quoted or not t.is_punct and (t.pos_ in {"VERB", "AUX"}
                                                                          or not verb.is_ancestor(t)) for t in after):
            return None, None
        start = max((t.i + 1 for t in line if t.i < verb.i and t.i in self.direct), default=0)
        before = [t for t in line if start <= t.i < verb.i]
        commas = [k for k, t in enumerate(before) if t.text == ","]
        if not commas or len(before) - commas[-1] > 6:
            return None, None
        subject = next((t for t in reversed(before) if t.dep_ not in {"aux", "neg", "advmod"}), None)
        clause = before[:commas[-1]]
        while clause and (clause[0].is_punct or clause[0].i in self.quoted):
            clause = clause[1:]
        if len(clause) < STATEMENT_WORDS or not any(t.pos_ in {"VERB", "AUX"} for t in clause):
            return None, None
        return (clause[0].idx, self.end_of(clause[-1])), subject

    def parenthetical(self, verb: Token) -> list[Quote]:
        """'CLAUSE, she added, CLAUSE': the whole sentence is reported."""
        subject = self.subject(verb)
        speaker = self.referent(subject) if subject is not None else None
        tokens = [t for t in self.sentence_tokens(verb) if not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if not isinstance(speaker, Person) or len(tokens) < STATEMENT_WORDS or tokens[0].i in self.quoted:
            return []
        start, end = tokens[0].idx, self.end_of(tokens[-1])
        return [Quote(speaker.name, self.text[start:end], "indirect", cue_text(verb), start, end)]

    def clause_span(self, clause: Token, verb: Token) -> tuple[int, int] | None:
        """Characters of a reported clause: its subtree on the verb's line without 'that', cut at a sentence end
        or a direct quotation; a clause before the verb must end its sentence ('..., X has said.')."""
        tokens = [t for t in self.doc[clause.left_edge.i:clause.right_edge.i + 1] if self.same_line(t, verb)]
        if clause.i > verb.i:
            tokens = [t for t in tokens if t.i > verb.i]
            cut = next((k for k, t in enumerate(tokens) if k and self.ends_clause(t)), None)
            tokens = tokens[:cut]
        elif any(t.i > verb.i and not t.is_punct for t in self.sentence_tokens(verb) if t.dep_ != "nsubj"
                 and t.head.i != verb.i):
            return None
        else:
            starts = [k for k, t in enumerate(tokens) if self.ends_clause(t)]
            tokens = tokens[starts[-1] + 1:] if starts else tokens
        tokens = tokens[:self.trailing_relative(tokens)]
        while tokens and (tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
            if tokens[-1].text == ")" and any(t.text == "(" for t in tokens):
                break
            tokens = tokens[:-1]
        if len(tokens) < STATEMENT_WORDS or tokens[-1].i in self.quoted:
            return None
        return tokens[0].idx, self.end_of(tokens[-1])

    @staticmethod
    def trailing_relative(tokens: list[Token]) -> int | None:
        """Where a clause-final ', which ...' (the writer's aside on the last noun) begins, if anywhere."""
        for k in range(STATEMENT_WORDS + 1, len(tokens) - 1):
            relative = tokens[k + 1]
            if tokens[k].text == "," and relative.lower_ in {"which", "who"} and relative.head.dep_ == "relcl" \
                    and relative.head.head.right_edge.i >= tokens[-1].i:
                return k
        return None

    def ends_clause(self, token: Token) -> bool:
        """Whether a reported clause stops before this token: a line break, a sentence end, a direct quotation."""
        if "\n" in token.text or token.text in SENTENCE_END and token.i not in self.quoted:
            return True
        return token.i in self.direct and any(q.start - 1 == token.idx for q in self.quotations)

    def according_to(self, according: Token) -> list[Quote]:
        """'according to X, CLAUSE' and 'CLAUSE, according to X'."""
        to = according.nbor()
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return []
        sentence = [t for t in self.sentence_tokens(according) if not t.is_space]
        source_end = max(source.right_edge.i, source.i)
        speaker = self.source_speaker(source)
        rest = [t for t in sentence if t.i > source_end]
        if rest and rest[0].text == ",":
            apposition = self.apposition_person(rest[1:])
            if apposition is not None:
                speaker, rest = apposition
        body = rest if any(not t.is_punct for t in rest) else [t for t in sentence if t.i < according.i]
        while body and (body[0].is_punct or body[0].lower_ in {"however", "but", "and"}):
            body = body[1:]
        while body and (body[-1].is_punct or body[-1].lower_ in {"however", "but", "and"}):
            body = body[:-1]
        if speaker is None or len(body) < STATEMENT_WORDS:
            return []
        start, end = body[0].idx, self.end_of(body[-1])
        outlet = self.outlet_at(source.left_edge.i) if speaker == "" else ""
        return [Quote(speaker_name(speaker), self.text[start:end], "indirect", "according to", start, end, outlet)]

    def source_speaker(self, source: Token) -> Person | str | None:
        """The speaker named by the object of 'according to'."""
        for t in self.doc[source.left_edge.i:source.i + 1]:
            person = find_person(self.people, t.idx, t.idx + len(t))
            if person is not None:
                return person
        return self.referent(source)

    def apposition_person(self, tokens: list[Token]) -> tuple[Person, list[Token]] | None:
        """', Name, rest': the person named and the tokens after the second comma."""
        for k, t in enumerate(tokens[:5]):
            if t.text == ",":
                person = self.named_in(tokens[:k])
                return (person, tokens[k + 1:]) if person is not None else None
        return None

    def named_in(self, tokens: list[Token]) -> Person | None:
        """The one person whose mention covers these tokens."""
        found = {id(p): p for t in tokens if (p := find_person(self.people, t.idx, t.idx + len(t)))}
        return next(iter(found.values())) if len(found) == 1 else None


# ---------------------------------------------------------------- token helpers


def is_speech_verb(token: Token, describe: bool = False) -> bool:
    """Whether a token is a verb that introduces speech (or, with describe, a description)."""
    lemma = token.lemma_.lower()
    verbs = SPEECH_VERBS | DESCRIBE_VERBS if describe else SPEECH_VERBS
    if lemma not in verbs or not (token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")):
        return False
    return lemma != "pay" or any(c.lower_ == "tribute" for c in token.children)


def last_speech_verb(tokens: list[Token], describe: bool = False) -> Token | None:
    return next((t for t in reversed(tokens) if is_speech_verb(t, describe)), None)


def governing_cue(tokens: list[Token]) -> Token | None:
    """The nearest speech or description verb above a quoted fragment in the parse."""
    inside = {t.i for t in tokens}
    heads = [t.head for t in tokens if t.head.i not in inside]
    for head in heads[:1]:
        for _ in range(6):
            if is_speech_verb(head, describe=True):
                return head
            if head.head.i == head.i:
                break
            head = head.head
    return None


def cue_text(verb: Token) -> str:
    """The cue as written: the verb with its auxiliaries and particle ('has said', 'read out', 'paid tribute to')."""
    words = [verb]
    aux = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ in {"have", "do"} and c.i < verb.i]
    words = aux[-1:] + words
    words += [c for c in verb.children if c.dep_ == "prt"]
    tribute = [c for c in verb.children if c.lower_ == "tribute"]
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return text + " tribute to" if tribute else text


def description_noun(token: Token) -> str | None:
    """The lexicon noun a token describes a person with ('actor', 'director', '32-year-old'), if any."""
    lemma = token.lemma_.lower()
    if lemma == "old" and any(c.lower_ == "year" for c in token.children):
        return "year-old"
    return lemma if lemma in DESCRIPTION_NOUNS and lemma not in {"old"} else None


def description_gender(token: Token, noun: str) -> str:
    """The gender of a description: its noun's ('actress'), else its relative clause's ('who plays his ...')."""
    if noun in GENDER_WORDS:
        return GENDER_WORDS[noun]
    for clause in (c for c in token.children if c.dep_ == "relcl"):
        for t in clause.subtree:
            if t.lower_ in PRONOUNS:
                return PRONOUNS[t.lower_]
    return ""


def unnamed_body(subject: Token) -> bool:
    """Whether an unnamed subject may report speech: an organisation or one spokesman-like speaker."""
    return subject.pos_ == "PROPN" or subject.lemma_.lower() in UNNAMED_SPEAKERS and subject.tag_ != "NNS"


def looks_human(token: Token) -> bool:
    """Whether an unlabelled name acts as a person: it speaks, is 'X, who ...' or 'actor X'."""
    if is_speech_verb(token.head):
        return True
    for child in token.children:
        if child.dep_ == "relcl" and any(c.lower_ in {"who", "whom", "whose"} for c in child.children):
            return True
        if child.dep_ == "compound" and (child.lower_ in DESCRIPTION_NOUNS or child.lower_ in GENDER_WORDS):
            return True
    return False


def name_text(token: Token) -> str:
    """A name as written: the capitalised words ending at a token, without honorifics ('Mr')."""
    start = token.i
    while start > 0 and token.doc[start - 1].is_title and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    words = [t.text for t in token.doc[start:token.i + 1] if t.lower_ not in HONORIFICS]
    return " ".join(words) or token.text


def speaker_name(speaker: Person | str | None) -> str:
    return speaker.name if isinstance(speaker, Person) else ""


@cache
def outlet_matcher(vocab: Vocab) -> Matcher:
    """A matcher of the words that introduce an outlet ('told', 'speaking to', 'in an interview with')."""
    matcher = Matcher(vocab)
    for words in CUES["outlet_triggers"]:
        matcher.add("OUTLET", [[{"LOWER": w} for w in words]])
    return matcher


def extract_quotes(doc: Doc, common_words: frozenset[str] = frozenset()) -> list[Quote]:
    """The quotes of an article (`common_words`: English words, which a sentence opener like 'Backstage,' is)."""
    return QuoteFinder(doc, common_words).run()


@Language.factory("extract_quotes")
def make_quotes_component(nlp: Language, name: str):
    """Create the component that stores the article's quotes on doc._.quotes."""
    common_words = english_words(nlp)

    def quotes_component(doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, common_words)
        return doc

    return quotes_component
