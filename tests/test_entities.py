"""Cross-article resolution on hand-made rows: films by Wikidata id, title key and year; people by full name,
unique variants, and one-word names inside their own article (with the KB cast)."""

import pytest

from pipeline.entities import alias_map, compatible, resolve_films, resolve_people, resolve_works


def film(article: str, key: str, year: int | None = None, qid: str = "", kb_year: int | None = None,
         mentions: int = 1) -> dict:
    """A films row of an article."""
    return {"article_id": article, "title": key.title(), "film_key": key, "year": year, "n_mentions": mentions,
            "wikidata_id": qid, "imdb_id": f"tt{qid[1:]}" if qid else "", "kb_year": kb_year}


def test_films_join_by_wikidata_id_then_by_key_and_nearby_year_and_remakes_stay_apart():
    films = [film("a1", "dust road", 1965, "Q10", 1965), film("a2", "dust road", 1966), film("a3", "dust road", 2004),
             film("a4", "dust road", 2005, mentions=2), film("a5", "iron lake"), film("a6", "iron lake", mentions=3),
             film("a7", "moth", 1990), film("a8", "moth", 2012), film("a9", "moth")]
    result = resolve_films(films, [])
    assert [(r["id"], r["year"], r["wikidata_id"], r["n_articles"], r["n_mentions"]) for r in result.rows] == [
        ("Q10", 1965, "Q10", 2, 2), ("dust road (2004)", 2004, "", 2, 3), ("iron lake", None, "", 2, 4),
        ("moth", None, "", 1, 1), ("moth (1990)", 1990, "", 1, 1), ("moth (2012)", 2012, "", 1, 1)]


def test_a_film_without_year_joins_the_one_entity_of_its_key_and_credits_point_at_their_articles_film():
    films = [film("a1", "glass orchard", 2019), film("a2", "glass orchard")]
    references = [{"article_id": "a2", "film": "Glass Orchard", "film_key": "glass orchard"},
                  {"article_id": "a3", "film": "The Glass Orchard", "film_key": "glass orchard"},
                  {"article_id": "a3", "film": "", "film_key": ""}]
    result = resolve_films(films, references)
    assert result.ids == {("a1", "glass orchard"): "glass orchard (2019)", ("a2", "glass orchard"): "glass orchard (2019)",
                          ("a3", "glass orchard"): "glass orchard (2019)"}
    assert [(r["id"], r["title"], r["n_articles"]) for r in result.rows] == [
        ("glass orchard (2019)", "Glass Orchard", 3)]


def test_a_film_named_only_in_a_credit_is_an_entity_of_its_own():
    result = resolve_films([], [{"article_id": "a1", "film": "Night Ferry", "film_key": "night ferry"}])
    assert [(r["id"], r["title"], r["film_key"], r["n_articles"], r["n_mentions"]) for r in result.rows] == [
        ("night ferry", "Night Ferry", "night ferry", 1, 0)]


@pytest.mark.parametrize("a, b, same", [
    ("chris lane", "christopher lane", True), ("ana ruiz", "ana m ruiz", True), ("ana m ruiz", "ana maria ruiz", True),
    ("jo lane", "john lane", False), ("chris lane", "chris lane", False), ("ana m ruiz", "ana t ruiz", False),
    ("chris lane", "christopher vane", False)])
def test_full_names_are_variants_with_one_surname_a_first_name_prefix_and_matching_middles(a, b, same):
    assert compatible(a, b) is same and compatible(b, a) is same


def test_variants_merge_only_when_each_is_the_others_only_one():
    keys = {"chris lane", "christopher lane", "dan holm", "daniel holm", "danielle holm", "ana ruiz"}
    assert alias_map(keys) == {"chris lane": "christopher lane", "christopher lane": "christopher lane",
                               "dan holm": "dan holm", "daniel holm": "daniel holm", "danielle holm": "danielle holm",
                               "ana ruiz": "ana ruiz"}


def person(article: str, name: str, mentions: int = 1) -> dict:
    """A people row of an article."""
    return {"article_id": article, "name": name, "person_key": name.lower().replace(".", ""), "n_mentions": mentions}


def test_people_join_across_articles_and_one_word_names_resolve_inside_their_article_only():
    people = [person("a1", "Rosa Delgado", 2), person("a2", "Rosa Delgado"), person("a2", "Chris Lane"),
              person("a3", "Christopher Lane")]
    credits = [{"article_id": "a1", "person": "Delgado", "person_key": "delgado", "role": "director", "film": "Moth",
                "film_key": "moth"}]
    quotes = [{"article_id": "a3", "speaker": "Delgado", "speaker_key": "delgado"},
              {"article_id": "a3", "speaker": "", "speaker_key": ""}]
    result = resolve_people(people, credits, quotes, resolve_films([], []))
    assert result.ids == {("a1", "rosa delgado"): "rosa delgado", ("a1", "delgado"): "rosa delgado",
                          ("a2", "rosa delgado"): "rosa delgado", ("a2", "chris lane"): "christopher lane",
                          ("a3", "christopher lane"): "christopher lane", ("a3", "delgado"): "delgado @ a3"}
    assert [(r["id"], r["name"], r["aliases"], r["roles"], r["n_articles"], r["n_mentions"]) for r in result.rows] == [
        ("christopher lane", "Chris Lane", "Christopher Lane", "", 2, 2), ("delgado @ a3", "Delgado", "", "", 1, 0),
        ("rosa delgado", "Rosa Delgado", "Delgado", "director", 2, 3)]


def test_a_one_word_name_the_article_cannot_place_takes_the_one_kb_cast_member_of_its_linked_film():
    films = resolve_films([film("a1", "moth", 1990, "Q7", 1990), film("a2", "moth", 1990, "Q7", 1990)], [])
    cast = {("moth", "Q7"): frozenset({"ingrid holm", "tariq mensah", "omar holm"})}
    quotes = [{"article_id": "a1", "speaker": "Mensah", "speaker_key": "mensah"},
              {"article_id": "a2", "speaker": "Holm", "speaker_key": "holm"},
              {"article_id": "a3", "speaker": "Mensah", "speaker_key": "mensah"}]
    result = resolve_people([], [], quotes, films, lambda key, qid: cast.get((key, qid), frozenset()))
    assert result.ids == {("a1", "mensah"): "tariq mensah", ("a2", "holm"): "holm @ a2",
                          ("a3", "mensah"): "mensah @ a3"}


def work(article: str, title: str, type_: str, mentions: int = 1) -> dict:
    """A works row of an article."""
    return {"article_id": article, "title": title, "work_key": title.lower(), "type": type_, "n_mentions": mentions}


def test_works_are_one_entity_by_key_and_type_titled_as_most_articles_write_them():
    works = [work("a1", "Maple Yard", "tv", 2), work("a2", "MAPLE YARD", "tv"), work("a3", "Maple Yard", "tv"),
             work("a3", "Kestrel Hall", "venue"), work("a4", "Maple Yard", "song", 3)]
    result = resolve_works(works)
    assert result.rows == [
        {"id": "kestrel hall (venue)", "title": "Kestrel Hall", "work_key": "kestrel hall", "type": "venue",
         "n_articles": 1, "n_mentions": 1},
        {"id": "maple yard (song)", "title": "Maple Yard", "work_key": "maple yard", "type": "song", "n_articles": 1,
         "n_mentions": 3},
        {"id": "maple yard (tv)", "title": "Maple Yard", "work_key": "maple yard", "type": "tv", "n_articles": 3,
         "n_mentions": 4}]
    assert result.ids == {("a1", "maple yard"): "maple yard (tv)", ("a2", "maple yard"): "maple yard (tv)",
                          ("a3", "maple yard"): "maple yard (tv)", ("a3", "kestrel hall"): "kestrel hall (venue)",
                          ("a4", "maple yard"): "maple yard (song)"}
    assert resolve_works([]).rows == []
