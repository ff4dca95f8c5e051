"""Each reporting pattern `claimcheck draft` knows, tried on sentences written for these tests (none is from
an article the rules were developed on): who speaks, through whom, in which document, when, of what kind."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.editor.draft import Draft, draft_article

DATE = "2024-03-06"  # a Wednesday
PUBLISHER = "The Harbour Gazette"


def draft(*paragraphs: str, headline: str = "Harbour row deepens", date: str | None = DATE) -> Draft:
    text = "\n\n".join([headline, "By Nell Ambrose", *paragraphs]) + "\n"
    return draft_article(text.encode("utf-8"), publisher=PUBLISHER, date=date)


def sources(d: Draft) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in d.data.get("sources", [])}


def claim_quoting(d: Draft, words: str) -> dict[str, Any]:
    found = [c for c in d.data["claims"] if words in c["appearances"][0]["quote"]]
    assert found, f"no drafted claim quotes {words!r}: {[c['appearances'][0]['quote'] for c in d.data['claims']]}"
    return found[0]


def speaker(d: Draft, words: str) -> str:
    return str(sources(d)[claim_quoting(d, words)["speaker"]]["name"])


def chain(d: Draft, words: str) -> list[tuple[str, str]]:
    names = {k: v["name"] for k, v in sources(d).items()}
    return [(names[h["source"]], h["mode"]) for h in claim_quoting(d, words)["appearances"][0].get("chain", [])]


@pytest.mark.parametrize(
    ("sentence", "who", "words"),
    [
        ("Marta Oyelaran said on Tuesday that the quay would reopen in April.", "Marta Oyelaran", "quay would reopen"),
        ("The port authority says dredging will start next month.", "port authority", "dredging will start"),
        ("Ferrybridge Logistics told the committee that its cranes were safe.", "Ferrybridge Logistics", "cranes were safe"),
        ("The quay would reopen in April, Marta Oyelaran said.", "Marta Oyelaran", "quay would reopen"),
        ("The quay would reopen in April, said Marta Oyelaran, the harbour master.", "Marta Oyelaran", "quay would reopen"),
        ('"We have never cut corners," Ferrybridge Logistics said.', "Ferrybridge Logistics", "never cut corners"),
        ('"We have never cut corners," said Tomas Reyes, the firm\'s safety director.', "Tomas Reyes", "never cut corners"),
        ("Tomas Reyes, a Ferrybridge spokesman, said the cranes had been inspected in January.", "Tomas Reyes", "cranes had been"),
        ("Tomas Reyes, who has run the yard since 2019, said the cranes were sound.", "Tomas Reyes", "cranes were sound"),
    ],
)
def test_speaker_of_each_reporting_shape(sentence: str, who: str, words: str) -> None:
    """X said that…, X says…, X told Y that…, CONTENT, X said., CONTENT, said X, DESC., "QUOTE," X said, X, DESC, said."""
    d = draft(sentence)
    assert who.lower() in speaker(d, words).lower()


def test_according_to_a_party_and_to_a_document() -> None:
    """According to X, CONTENT and CONTENT, according to DOC: the words are X's, or the document's author's."""
    d = draft(
        "According to the harbour master, Marta Oyelaran, two berths are closed.",
        "Cargo volumes fell by a fifth last year, according to Ferrybridge Logistics's annual report.",
    )
    assert "Oyelaran" in speaker(d, "two berths are closed") or "harbour master" in speaker(d, "two berths are closed").lower()
    assert speaker(d, "Cargo volumes fell") == "Ferrybridge Logistics"
    assert chain(d, "Cargo volumes fell")[0][1] == "cites-document"


def test_an_outlet_in_between_is_a_hop() -> None:
    """According to OUTLET, X believes…: X's view, reported by the outlet (a hop); X told OUTLET: a hop too."""
    d = draft(
        "According to the Coastal Courier, the port authority believes the breakwater is failing.",
        "Marta Oyelaran told the Evening Mail that the survey had been delayed.",
    )
    assert chain(d, "breakwater is failing") == [("port authority", "paraphrase"), ("Coastal Courier", "paraphrase")] or chain(
        d, "breakwater is failing"
    )[1][0].endswith("Coastal Courier")
    assert chain(d, "survey had been delayed")[-1][0].endswith("Evening Mail")


def test_statement_report_and_letter_are_documents() -> None:
    """In a statement, X said…; a report by X says…; the letter stated…: cites-document hops, unseen documents."""
    d = draft(
        "In a statement, Ferrybridge Logistics said it had followed every rule.",
        "A report by the Shoreline Trust says the breakwater has lost a third of its stone.",
        "The directive came in a letter from the Maritime Agency last week.",
        "The letter stated that two cranes must be withdrawn.",
    )
    docs = {doc["id"]: doc for doc in d.data["documents"]}
    statement = claim_quoting(d, "followed every rule")["appearances"][0]["chain"][0]
    assert statement["mode"] == "cites-document"
    assert docs[statement["document"]]["kind"] == "statement"
    assert docs[statement["document"]]["seen"] is False
    assert speaker(d, "lost a third") == "Shoreline Trust"
    assert speaker(d, "two cranes must be withdrawn") == "Maritime Agency"
    letter = claim_quoting(d, "two cranes must be withdrawn")["appearances"][0]["chain"][0]
    assert docs[letter["document"]]["kind"] == "letter"
    assert docs[letter["document"]]["date"] == "2024-02-26/2024-03-03"  # the week before the article's week


def test_descriptions_and_candidate_interests() -> None:
    """X, which sells…, said: the description is recorded, with a candidate interest marked for review."""
    d = draft("Tidewatch Systems, which sells dam sensor systems, said the readings were normal.")
    source = next(s for s in sources(d).values() if s["name"] == "Tidewatch Systems")
    assert "which sells dam sensor systems" in source["description"]
    assert source["interests"][0]["subjects"] == [source["id"]]
    assert "candidate" in d.text.split(f"- id: {source['id']}")[0].rsplit("sources:", 1)[-1] or "candidate" in d.text


def test_accusation_denial_relation_and_comment_requests() -> None:
    """X accused Y of…; Y denied…: an allegation, a denial and the relation; refusals are comment records."""
    d = draft(
        "The Harbour Users' Group has accused Ferrybridge Logistics of dumping silt in the estuary.",
        "Ferrybridge Logistics denied that it had dumped anything in the estuary.",
        "The Maritime Agency declined to comment on Tuesday.",
        "Shoreline Dredging could not be reached for comment.",
        "The harbour board did not respond to requests for comment.",
    )
    allegation = claim_quoting(d, "accused Ferrybridge")
    denial = claim_quoting(d, "denied that it had dumped")
    assert allegation["kind"] == "allegation"
    assert denial["kind"] == "denial"
    assert any(r["type"] == "denies" and r["target"] == allegation["id"] and r["by"] == denial["id"] for r in d.data["relations"])
    assert all(r["status"] == "draft" for r in d.data["relations"])
    outcomes = {sources(d)[c["subject"]]["name"]: c for c in d.data["comments"]}
    assert outcomes["Maritime Agency"]["outcome"] == "declined"
    assert outcomes["Maritime Agency"]["date"] == "2024-03-05"
    assert outcomes["Shoreline Dredging"]["outcome"] == "not-reached"
    assert any(c["outcome"] == "no-response" for c in d.data["comments"])
    assert not any("declined to comment" in c["appearances"][0]["quote"] for c in d.data["claims"])


def test_spokesperson_answers_for_the_body() -> None:
    """Asked about the claim, a spokeswoman for X said…: an unnamed source who speaks for X, and an answered request."""
    d = draft(
        "Residents accused the Maritime Agency of ignoring their complaints.",
        "Asked about the complaints, a spokeswoman for the Maritime Agency said every letter had been answered.",
    )
    reply = claim_quoting(d, "every letter had been answered")
    spokeswoman = sources(d)[reply["speaker"]]
    agency = next(s for s in sources(d).values() if s["name"] == "Maritime Agency")
    assert spokeswoman["kind"] == "unnamed-group"
    assert spokeswoman["represents"] == [agency["id"]]
    answered = next(c for c in d.data["comments"] if c["outcome"] == "answered")
    assert answered["subject"] == agency["id"]
    assert answered["replies"] == [reply["id"]]


def test_unnamed_sources() -> None:
    """Analysts said…, a person familiar with the matter said…: unnamed groups, as unnamed sources."""
    d = draft(
        "Analysts said the merger would lift prices.",
        "A person familiar with the talks said the deal could collapse.",
    )
    assert speaker(d, "merger would lift") == "Unnamed analysts"
    assert chain(d, "merger would lift") == [("Unnamed analysts", "unnamed-source")]
    assert speaker(d, "deal could collapse").lower().startswith("a person familiar")


def test_pronouns_roles_and_descriptions_point_back_and_ahead() -> None:
    """She said / the company said / a port engineer … named in the next paragraph."""
    d = draft(
        "A port engineer who has surveyed the wall said the cracks were recent.",
        '"Nobody has looked at it for years," said Imke Valdés, a professor of coastal engineering. She said repairs would cost millions.',
        "Ferrybridge Logistics said it would pay its share. The company also said the cranes were insured.",
    )
    assert speaker(d, "cracks were recent") == "Imke Valdés"
    assert speaker(d, "repairs would cost") == "Imke Valdés"
    assert speaker(d, "cranes were insured") == "Ferrybridge Logistics"
    assert sources(d)[claim_quoting(d, "repairs would cost")["speaker"]]["kind"] == "person"


@pytest.mark.parametrize(
    ("words", "date"),
    [
        ("on Tuesday", "2024-03-05"),
        ("last week", "2024-02-26/2024-03-03"),
        ("earlier this month", "2024-03-01/2024-03-06"),
        ("last month", "2024-02"),
        ("in May", "2023-05"),
        ("on 2 October", "2023-10-02"),
        ("yesterday", "2024-03-05"),
    ],
)
def test_relative_dates_are_resolved_against_the_article(words: str, date: str) -> None:
    """Dates as articles write them, resolved against the article's date (6 March 2024) at their precision."""
    d = draft(f"Marta Oyelaran said {words} that the quay would reopen.")
    assert claim_quoting(d, "quay would reopen")["date"] == date


def test_dates_keep_the_precision_of_an_imprecise_article_date() -> None:
    """ "on Tuesday" in an article dated only to a month is every Tuesday it can be, not a day."""
    d = draft("Marta Oyelaran said on Tuesday that the quay would reopen.", date="2024-03")
    assert claim_quoting(d, "quay would reopen")["date"] == "2024-02-27/2024-03-26"


def test_undated_words_are_made_by_publication() -> None:
    """Reported words the article does not date are recorded as made by its publication."""
    d = draft("Marta Oyelaran said the quay would reopen.")
    assert claim_quoting(d, "quay would reopen")["date"] == f"../{DATE}"


def test_translated_quote_with_its_original() -> None:
    """ "EN" ("ORIGINAL"), and a note saying quotes were translated from French by the outlet."""
    d = draft(
        "“The harbour is ours” (“Le port est à nous”), Mayor Élodie Martin told a rally.",
        "Quotes from French have been translated by The Harbour Gazette.",
    )
    app = claim_quoting(d, "The harbour is ours")["appearances"][0]
    assert app["original"] == {"text": "Le port est à nous", "language": "fr"}
    assert sources(d)[app["translated_by"]]["name"] == PUBLISHER
    assert not any("translated by" in c["appearances"][0]["quote"] for c in d.data["claims"])


def test_the_outlets_own_words_and_an_actors_reported_act() -> None:
    """A sentence reporting nobody is the outlet's; a body's reported act is that body's action."""
    d = draft("The harbour handles about 4 million tonnes a year.", "In May, the Maritime Agency suspended two licences.")
    assert speaker(d, "handles about 4 million") == PUBLISHER
    act = claim_quoting(d, "suspended two licences")
    assert sources(d)[act["speaker"]]["name"] == "Maritime Agency"
    assert act["kind"] == "action"
    assert act["date"] == "2023-05"


def test_headline_is_attributed_as_the_body_attributes_it() -> None:
    """A headline credits the party the body gives the same words to."""
    d = draft(
        "Ferrybridge Logistics said on Monday that it would close the eastern quay for repairs.",
        headline="Eastern quay to close for repairs",
    )
    assert speaker(d, "Eastern quay to close") == "Ferrybridge Logistics"


def test_not_claims_are_left_out() -> None:
    """Subheadings, questions and translation notes are not drafted."""
    d = draft("What happens next", "Will the quay reopen?", "Marta Oyelaran said it would.")
    quotes = [c["appearances"][0]["quote"] for c in d.data["claims"]]
    assert not any("What happens next" in q or "Will the quay" in q for q in quotes)


def test_every_claim_and_relation_is_a_draft_and_every_guess_is_commented() -> None:
    """status: draft on claims and relations; a comment above every record saying it is proposed."""
    d = draft("Ferrybridge Logistics denied wrongdoing.", "Residents accused Ferrybridge Logistics of dumping silt.")
    assert all(c["status"] == "draft" for c in d.data["claims"])
    blocks = d.text.split("\n\n")
    for block in blocks:
        if "- id:" in block:
            assert block.lstrip().startswith("#") or block.split("\n")[0].endswith(":"), block


def test_paragraphs_one_a_line_without_blank_lines() -> None:
    """A text whose paragraphs are separated by single line breaks is read one paragraph a line."""
    text = "Quay to reopen\nBy Nell Ambrose\nMarta Oyelaran said on Monday that the quay would reopen.\nThe agency declined to comment.\n"
    d = draft_article(text.encode(), publisher=PUBLISHER, date=DATE)
    claim = claim_quoting(d, "quay would reopen")
    assert claim["appearances"][0]["locator"] == "paragraph 1"
    assert d.data["comments"][0]["outcome"] == "declined"


def test_words_said_to_a_hearing_are_the_speakers_who_addressed_it() -> None:
    """ "…, a tribunal heard" is the words of whoever the article says told the tribunal; "Ms X" is the X it names in full."""
    d = draft(
        "The landlord ignored 14 complaints about damp, an employment tribunal heard on Tuesday.",
        "Representing the tenants, Oluwaseun Adebayo KC told the tribunal that the complaints had been logged and closed.",
        '"Nobody read them," Ms Adebayo said.',
    )
    assert speaker(d, "ignored 14 complaints") == "Oluwaseun Adebayo KC"
    assert speaker(d, "Nobody read them") == "Oluwaseun Adebayo KC"
    assert claim_quoting(d, "ignored 14 complaints")["date"] == "2024-03-05"


def test_researchers_from_a_body_speak_for_it() -> None:
    """ "The researchers, from the X Institute, measured…; …, they found." and a study they wrote are the institute's."""
    d = draft(
        "Lead levels in tap water fell by a third, according to a study published on Monday.",
        "The researchers, from the Norhaven Water Institute, sampled 900 homes. Most of the fall came after new pipes were laid, they found.",
    )
    assert speaker(d, "Lead levels in tap water") == "Norhaven Water Institute"
    assert speaker(d, "Most of the fall") == "Norhaven Water Institute"


def test_a_plural_common_noun_opening_a_sentence_is_not_a_name() -> None:
    """ "Inspectors say…" names unnamed inspectors, not a party called Inspectors."""
    d = draft("Inspectors say the crane was never certified.")
    source = sources(d)[claim_quoting(d, "crane was never certified")["speaker"]]
    assert source["kind"] == "unnamed-group"


def test_a_reaction_and_what_was_said_with_it() -> None:
    """ "X, which makes…, welcomed the report and said…": X's words, and its description."""
    d = draft("Tidewatch Systems, which makes flood sensors, welcomed the report and said its sensors had cut false alarms by half.")
    assert speaker(d, "cut false alarms") == "Tidewatch Systems"
