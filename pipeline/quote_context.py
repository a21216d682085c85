"""The article as the quote finders see it: its quotations and their kinds, the token windows around them,
the tokens of direct quotations, the outlet cues, and the discourse layer's resolver of people."""

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import docindex, resources  # noqa: F401  (docindex: doc._.text, doc._.tokens)
from .quotations import SENTENCE_END, WORD, Quotation, ends_sentence, looks_like_title, quoted_tokens
from .interviews import answer_speakers
from .quote_patterns import outlet_matcher
from .referents import PRONOUNS, WORDS
from .schema import Person
from .speech import is_speech_verb, last_speech_verb


WRITTEN_WORDS = frozenset(WORDS["written_words"])
NAMING_WORDS: list[str] = resources.lexicon("quote_cues.json")["naming_words"]
NAMING_BEFORE = re.compile(r"(?<![\w-])(?:%s)\s*$" % "|".join(map(re.escape, NAMING_WORDS)), re.IGNORECASE)
NAMING_CHARS = max(map(len, NAMING_WORDS))  # a naming word starts at most this far before the last non-space


def written_by(word: Token) -> Token | None:
    """Who wrote a written word: the object of its 'from' or 'by' ('a statement from X', 'a letter by X')."""
    if word.lemma_.lower() not in WRITTEN_WORDS:
        return None
    prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


@dataclass(frozen=True)
class QuoteSettings:
    """Word and token limits of the quote rules (values from the extract_quotes component's config)."""

    title_words: int  # a quoted Title Case phrase of at most this many words is a title, not speech
    statement_words: int  # the fewest words of a reported clause or an uncued quotation
    cue_words: int  # the most tokens between a quotation or clause and its cue ('..., the director has said')
    apposition_words: int  # the most tokens of ', Name,' after 'according to X'
    climb_depth: int  # how many heads up the parse a cue verb is looked for
    interview_lines: int  # the fewest question-and-answer pairs (or labelled lines) that make an interview


@dataclass
class Attribution:
    """Who a quotation is attributed to, and through which words."""

    speaker: str
    cue: str
    outlet: str = ""
    source: str = ""  # an unnamed speaker's description ('a spokesman')
    cue_at: int = -1  # where the cue verb starts in the text


class QuoteContext:
    """One Doc's quotations, kinds, windows and people, shared by the direct and indirect quote finders."""

    def __init__(self, doc: Doc, settings: QuoteSettings):
        self.doc = doc
        self.settings = settings
        self.text = doc._.text
        discourse = doc._.discourse
        self.lines = discourse.lines
        self.line_starts = [start for start, _ in self.lines]
        self.quotations = discourse.quotations
        self.quoted = discourse.quoted
        self.kinds = [self.kind(q) for q in self.quotations]
        self.direct = quoted_tokens(doc, [q for q, kind in zip(self.quotations, self.kinds) if kind == "direct"])
        self.titles = quoted_tokens(doc, [q for q, kind in zip(self.quotations, self.kinds) if kind is None])
        self.outlet_cues = [(s, e) for _, s, e in outlet_matcher(doc.vocab)(doc)]
        self.referents = discourse.referents
        self.people = self.referents.people
        self.answers = answer_speakers(self.text, self.lines, self.people, settings.interview_lines)

    def speaker(self, subject: Token) -> Person | str | None:
        """Who speaks a quotation through a verb's subject: a body or a written word's owner (body_or_owner), the
        first of two people for 'they' (joint_speaker); in an interview answer, 'I' is the answer's speaker and
        'he'/'she' someone else ('' where the resolver finds only the speaker); elsewhere the resolver's person. (An
        answer's own reported speech, 'I think that ...', is its speaker's words, no quote.)"""
        body_or_owner = self.body_or_owner(subject)
        if body_or_owner is not None:
            return body_or_owner
        if subject.lower_ == "they" and subject.i not in self.quoted:
            return self.joint_speaker(subject)
        answering = next((p for (start, end), p in self.answers if start <= subject.idx < end), None)
        if answering is None or subject.i in self.quoted:
            return self.referents.resolve(subject)
        if subject.text == "I":
            return answering
        person = self.referents.resolve(subject)
        return "" if person is answering and subject.lower_ in PRONOUNS else person

    def body_or_owner(self, subject: Token) -> Person | str | None:
        """'it' speaking is a body ('': 'the network said it was "proud"'); a written word speaks for the person who
        owns or wrote it ('her statement said', "X's lawsuit claimed", 'the statement from X read'); None for any
        other subject."""
        if subject.i in self.quoted:
            return None
        if subject.lower_ == "it":
            return ""
        owner = next((c for c in subject.children if c.dep_ == "poss"), None) or written_by(subject)
        if owner is None or subject.lemma_.lower() not in WRITTEN_WORDS:
            return None
        person = self.referents.resolve(owner)
        return person if isinstance(person, Person) else None

    def joint_speaker(self, they: Token) -> Person | str | None:
        """'X and Y refused. They said, "..."': the first of the people who are the joint subject of the sentence
        before; else the resolver's answer for 'they'."""
        sent = they.sent
        named = self.subject_people(self.doc[sent.start - 1].sent) if sent.start > 0 else []
        return named[0] if len(named) >= 2 else self.referents.resolve(they)

    def subject_people(self, sentence: Span) -> list[Person]:
        """The people named, in order, by the subjects of a sentence's main verb and their words (also where the parse
        splits 'X [Y] and Z [W] refused' into a subject and a loose word before the verb)."""
        named: list[Person] = []
        for subject in (c for c in sentence.root.lefts if c.dep_ in {"nsubj", "dep"} and c.i not in self.quoted):
            for t in subject.subtree:
                person = self.referents.person_of(t)
                if person is not None and person not in named:
                    named.append(person)
        return named

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
        """Whether a token lies on a body line (not a heading): the lines are in order, none overlapping, so only the
        last one starting at or before it can hold it."""
        k = bisect_right(self.line_starts, token.idx) - 1
        return k >= 0 and token.idx < self.lines[k][1]

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

    def sentence_tokens(self, token: Token, keep_partial: bool = False) -> list[Token]:
        """The tokens of a token's sentence outside quotations (with keep_partial, outside direct quotations only),
        cut at line breaks."""
        skipped = self.direct if keep_partial else self.quoted
        out = []
        for t in token.sent:
            if "\n" in t.text:
                if t.i > token.i:
                    break
                out = []
            elif t.i not in skipped:
                out.append(t)
        return out

    def kind(self, q: Quotation) -> str | None:
        """'direct' for a whole statement, 'partial' for a fragment of the writer's sentence, None for a title."""
        text = self.text[q.start:q.end]
        words = WORD.findall(text)
        lead = self.lead(q)
        after = self.window_after(q) if q.closed else []
        attributed = text.rstrip()[-1:] in {",", "?", "!"} and not (lead.isalnum() or lead in {",", ";", "("}) \
            and self.attribution_opens(after)  # '"No," Jo Ray said', not 'the film, "Night Falls," he said, ...'
        cued_after = bool(after) and is_speech_verb(after[0]) or len(after) > 1 and is_speech_verb(after[1])
        before = self.window_before(q)
        cued_before = last_speech_verb(before[-self.settings.cue_words:]) is not None
        said_sentence = lead in {",", ":"} and cued_before and ends_sentence(text)  # 'I said, "Well, OK."'
        spoken = attributed or said_sentence
        if not words or self.names_film(q) and not spoken or self.named_by_writer(q) \
                or looks_like_title(words, self.settings.title_words) and not (cued_after or spoken):
            return None
        statement = text[:1].isupper() or text[:1].isdigit() or text[:1] in "[(‘'"
        after_quotation = lead in "\"”’"  # '... producer." "I took a look ...'
        if lead in {"", ":"} or statement and (lead in ".!?,;—–-(" or cued_before or after_quotation) or said_sentence \
                or self.resumes(q, lead):
            return "direct"
        return "partial"

    def attribution_opens(self, tokens: list[Token]) -> bool:
        """Whether tokens open with an attribution: a speech verb within `cue_words` tokens whose subject is among
        them, with every word before it hanging on it ('Joan Prell said', 'the senator from Ohio told')."""
        verb = last_speech_verb(tokens[:self.settings.cue_words])
        inside = {t.i for t in tokens}
        return verb is not None and any(c.dep_ == "nsubj" and c.i in inside for c in verb.children) \
            and all(verb in t.ancestors for t in tokens if t.i < verb.i)

    def resumes(self, q: Quotation, lead: str) -> bool:
        """Whether a quotation resumes one its attribution interrupted ('"The talks went well," she said, "and we
        will meet again."'): right after a comma that ends '..., she said' following a quotation on its line; a
        longer attribution is one when all its words after the verb hang on it ('she said on Monday at a rally,')."""
        before = self.window_before(q)
        if lead != "," or not before or before[0].i == 0 or before[0].i - 1 not in self.quoted:
            return False
        verb = last_speech_verb(before[:self.settings.cue_words])
        if verb is None:
            return False
        return len(before) <= self.settings.cue_words or all(verb in t.ancestors for t in before if t.i > verb.i)

    def lead(self, q: Quotation) -> str:
        """The last character before a quotation's opening mark on its line ('' at the line's start)."""
        line = self.text[self.text.rfind("\n", 0, q.start) + 1:q.start - 1].rstrip()
        return line[-1:]

    def named_by_writer(self, q: Quotation) -> bool:
        """Whether a naming word stands right before a quotation ('the so-called "..."', 'known as "..."'): a name
        nobody says."""
        line_start = self.text.rfind("\n", 0, q.start) + 1
        end = max(q.start - 1, line_start)
        last = line_start + len(self.text[line_start:end].rstrip())  # where the naming word would end
        return NAMING_BEFORE.search(self.text, max(line_start, last - NAMING_CHARS), end) is not None

    def names_film(self, q: Quotation) -> bool:
        """Whether a quotation is a film title."""
        inner = self.text[q.start:q.end].rstrip(".,!? ")
        return any(s <= q.start and q.start + len(inner) <= e for film in self.doc._.films for s, e in film.mentions)
