"""The credit finder's named settings: window sizes and the order its constructions run in (the component's config)."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Settings:
    """How far each construction looks, in tokens unless named otherwise, and which constructions run in which pass."""

    framing_peek_chars: int = 20  # characters after a film mention read for a role noun ('X director')
    name_max_words: int = 4  # words of a character's name
    description_max_words: int = 4  # lower-case words describing a character before its name
    nickname_max_tokens: int = 5  # tokens of a quoted nickname inside a name
    subject_max_climb: int = 4  # heads climbed from a verb to find its subject
    parenthesis_max_tokens: int = 25  # '(' to ')' of a parenthetical credit
    name_before_max_tokens: int = 4  # tokens before '(' or a 'by' verb searched for a character's name
    by_max_distance: int = 6  # a 'by' verb to its 'by'
    agent_max_distance: int = 9  # 'by' to the person after it
    award_category_max_distance: int = 4  # 'best' to its category word
    award_for_max_distance: int = 6  # 'best' to its 'for'
    list_describing_words: int = 3  # words describing a listed name ('the late', 'newcomer')
    possessive_max_words: int = 6  # words from a person's possessive to the film it owns ('X's acclaimed drama F')
    list_introducer_tokens: int = 2  # words after a plural role noun read for 'including', 'such as'
    owner_words_before: int = 14  # words before a film mention searched for its owner
    owner_words_after: int = 6  # words after a film mention searched for an apposed owner
    kb_actor_min_films: int = 10  # KB casts that make a person a known actor where a film's own cast is not listed
    kb_strong_constructions: list[str] = field(default_factory=lambda: [
        "parenthetical", "as_character", "play_character", "owned_character",
        "by_agent"])  # kept when the KB's cast lacks the actor
    list_constructions: list[str] = field(default_factory=lambda: [
        "cast_list", "cast_inclusion", "film_stars", "role_noun"])  # read lists: a name the KB confirms vouches for all
    passes: list[dict] = field(default_factory=lambda: [
        {"over": "triggers", "constructions": ["parenthetical", "as_character", "play_character", "owned_character",
                                               "by_agent"]},
        {"over": "triggers", "constructions": ["role_noun", "role_verb", "acting_in", "acting_in_focus", "award_for",
                                               "opposite", "listed_role", "film_stars", "work_by", "debut_role",
                                               "category_list", "behind_camera", "served_as", "role_attribute", "role_is"]},
        {"over": "cast_cues", "constructions": ["cast_list"]},
        {"over": "triggers", "constructions": ["cast_inclusion"]},
        {"over": "triggers", "constructions": ["possessive_maker", "maker_modifier", "film_from", "award_win",
                                               "hyphened_maker"]},
        {"over": "triggers", "constructions": ["making"]},
        {"over": "film_mentions", "constructions": ["owned_film", "person_in_film", "kb_cast_in_sentence",
                                                    "kb_cast_of_main_film"]},
        {"over": "career_cues", "constructions": ["career"]},
    ])


DEFAULT = Settings()
DEFAULT_CONFIG = {"settings": asdict(DEFAULT)}
