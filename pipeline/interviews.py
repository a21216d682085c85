"""Interviews printed as questions and answers: who says the first-person answers ('I said, "..."').

An article is an interview when at least `min_pairs` question lines are each followed by an answer line in the first
person, or when at least `min_pairs` lines open with a speaker label ('Q:', 'A:', 'Jo Ray:'). An answer line's 'I' is
its label's person, else the interviewee: the person the headline names first, else the one named most before the
first question. Pure functions over the text and the article's people.
"""

import re
from collections import Counter

from .people import find_person, person_named
from .quotations import DOUBLE_MARKS, SINGLE_MARKS
from .schema import Person

FIRST_PERSON = re.compile(r"\bI\b")
QUESTION_WORDS = 60  # the most words of an interviewer's question in the first person ('I read that you ...?')
LABEL = re.compile(r"[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})[ \t]*:[ \t]")
QUESTION_LABELS = frozenset({"Q", "Question", "Interviewer"})
ANSWER_LABELS = frozenset({"A", "Answer"})

Line = tuple[int, int]


def is_question(text: str, line: Line) -> bool:
    """Whether a line is a question: it ends with a question mark (closing quotation marks aside) and is no long
    first-person story that happens to end with one ('... I thought, what can you do?')."""
    words = text[slice(*line)]
    if not words.rstrip().rstrip(DOUBLE_MARKS + SINGLE_MARKS).endswith("?"):
        return False
    return len(words.split()) <= QUESTION_WORDS or not FIRST_PERSON.search(words)


def label_of(text: str, line: Line) -> str | None:
    """The speaker label a line opens with ('Q', 'Jo Ray'), if any."""
    match = LABEL.match(text, line[0], line[1])
    return match.group(1) if match else None


def answer_speakers(text: str, lines: list[Line], people: list[Person], min_pairs: int) -> list[tuple[Line, Person]]:
    """Each answer line of an interview with the person who speaks it; [] for an article that is no interview."""
    labelled = [(line, label) for line in lines if (label := label_of(text, line)) is not None and (
        label in QUESTION_LABELS or label in ANSWER_LABELS or person_named(people, label) is not None)]
    if len(labelled) >= min_pairs:
        return labelled_answers(text, labelled, people, lines)
    pairs = [k for k in range(len(lines) - 1) if is_question(text, lines[k]) and not is_question(text, lines[k + 1])
             and FIRST_PERSON.search(text, *lines[k + 1])]
    if len(pairs) < min_pairs:
        return []
    first = lines[pairs[0]]
    person = interviewee(text, lines, people, first[0])
    if person is None:
        return []
    return [(line, person) for line in lines if line[0] > first[0] and not is_question(text, line)]


def labelled_answers(text: str, labelled: list[tuple[Line, str]], people: list[Person], lines: list[Line]
                     ) -> list[tuple[Line, Person]]:
    """The answer lines of a Q&A with speaker labels: a person's label speaks for its line, 'A:' for the
    interviewee."""
    first_question = next((line[0] for line, label in labelled if label in QUESTION_LABELS), labelled[0][0][0])
    guest = interviewee(text, lines, people, first_question)
    found = []
    for line, label in labelled:
        person = guest if label in ANSWER_LABELS else None if label in QUESTION_LABELS else person_named(people, label)
        if person is not None:
            found.append((line, person))
    return found


def interviewee(text: str, lines: list[Line], people: list[Person], first_question: int) -> Person | None:
    """The person an interview is with: the first the headline names, else the one named most before the first
    question."""
    headline_end = lines[0][0] if lines else 0
    in_headline = sorted((s, p.name) for p in people for s, _ in p.mentions if s < headline_end)
    if in_headline:
        return find_person(people, in_headline[0][0], in_headline[0][0] + 1)
    counts = Counter(p.name for p in people for s, _ in p.mentions if s < first_question)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(p for p in people if p.name == name)
