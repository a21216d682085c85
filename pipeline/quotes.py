"""Find an article's quotes: quotations between marks (direct, partial) and reported speech (indirect).

Quotations come from a scan of the quotation marks line by line, so an unbalanced mark costs only its
own quote; headings, titles and scare quotes are dropped. Cues, speakers and reported clauses come from
the dependency parse; "he", "the actor" and surnames are resolved to the article's people.
"""

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from . import docindex, resources  # noqa: F401  (docindex: doc._.text, doc._.tokens)
from .repair import english_words
from .people import find_person
from .referents import UNNAMED_SPEAKERS, Referents, ReferentSettings, description_noun, known_roles
from .schema import Person, Quote
from .speech import cue_text, governing_cue, is_speech_verb, last_speech_verb
from .quotations import (DOUBLE_MARKS, SENTENCE_END, SINGLE_MARKS, WORD, Quotation, body_lines, find_quotations,
                         looks_like_title, quoted_tokens)

CUES = resources.lexicon("quote_cues.json")
REPORT_VERBS = frozenset(CUES["report_verbs"])
REPORT_NEEDS_THAT = frozenset(CUES["report_needs_that"])
OUTLET_GENERIC = frozenset(CUES["outlet_generic_nouns"])

HEADING_WORDS = 25
TITLE_WORDS = 8
STATEMENT_WORDS = 3
CLIMB_DEPTH = 6
REFERENT_SETTINGS = ReferentSettings(gender_cue_chars=15, first_name_weight=2, gender_word_weight=3, pronoun_weight=1,
                                     climb_depth=CLIMB_DEPTH)

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
        self.lines = body_lines(self.text, HEADING_WORDS)
        self.quotations = find_quotations(self.text, HEADING_WORDS)
        self.quoted = quoted_tokens(doc, self.quotations)
        self.kinds = [self.kind(q) for q in self.quotations]
        self.direct = quoted_tokens(doc, [q for q, kind in zip(self.quotations, self.kinds) if kind == "direct"])
        self.outlet_cues = [(s, e) for _, s, e in outlet_matcher(doc.vocab)(doc)]
        self.referents = Referents(doc, [p for p in doc._.people if not p.fictional], self.quoted,
                                   known_roles(doc._.credits), common_words, REFERENT_SETTINGS)
        self.people = self.referents.people

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

    # ------------------------------------------------------------ cues and speakers

    def speaker(self, verb: Token, window: list[Token]) -> Person | str | None:
        """Who speaks through a cue verb; an inverted subject ('said Haddad') is read from the window."""
        subject = self.referents.subject(verb)
        if subject is None:
            nominal = [t for t in window if t.pos_ in {"PROPN", "NOUN", "PRON"} or description_noun(t)]
            before = [t for t in nominal if t.i < verb.i and t.head.i == verb.i]
            subject = before[-1] if before else next((t for t in nominal if t.i > verb.i), None)
            while subject is not None and subject.head.i > subject.i and subject.head.pos_ in {"PROPN", "NOUN"}:
                subject = subject.head
        return self.referents.resolve(subject) if subject is not None else None

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
        subjects = self.referents.subjects_in(sentence.start, sentence.end)
        return Attribution(subjects[0].name, "") if subjects else None

    def partial_attribution(self, q: Quotation) -> Attribution | None:
        """The cue verb governing a quoted fragment (or nearest in its sentence) and that verb's subject."""
        inside = self.tokens(q.start, q.end)
        if not inside:
            return None
        verb = governing_cue(inside, CLIMB_DEPTH)
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
        span, subject = None, self.referents.subject(verb)
        if clause is not None and any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.children):
            if verb.lemma_.lower() in REPORT_NEEDS_THAT and not any(c.lower_ == "that" for c in clause.children):
                return []
            span = self.clause_span(clause, verb)
        if span is None or subject is None:
            span, subject = self.closing_cue(verb)
        if span is None or subject is None:
            return []
        speakers = [self.referents.resolve(t) for t in [subject, *subject.conjuncts]]
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
        subject = self.referents.subject(verb)
        speaker = self.referents.resolve(subject) if subject is not None else None
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
        return self.referents.resolve(source)

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


def unnamed_body(subject: Token) -> bool:
    """Whether an unnamed subject may report speech: an organisation or one spokesman-like speaker."""
    return subject.pos_ == "PROPN" or subject.lemma_.lower() in UNNAMED_SPEAKERS and subject.tag_ != "NNS"


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
