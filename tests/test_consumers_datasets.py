"""FEVER and AVeriTeC exports held to the structures their official scorers index.

FEVER: sheffieldnlp/fever-scorer ``src/fever/scorer.py`` (PyPI sdist 2.0.39). The official module is
used when ``.ci/run`` has unpacked it; the same indexing is also re-stated here from that source, so the
shape is checked everywhere:

* lines 3-19: every ``predicted_evidence`` item is a list of two, ``[str page, int line]``;
* lines 37-42: a gold ``evidence`` group is a list of items of which only ``e[2]`` (page) and ``e[3]``
  (sentence id) are read; a claim is strictly correct when its label is right and some whole group is
  among the first ``max_evidence`` (5) predicted pairs;
* line 56: precision flattens every group's ``[e[2], e[3]]`` whose ``e[3]`` is not None;
* lines 74-85: recall is 1 when a whole group is predicted;
* line 145: ``strict_score = strict / total``.

AVeriTeC: MichSchli/AVeriTeC ``eval.py`` (read at 7c62d1e): for reference and prediction alike it builds
one comparison string per answer, ``question + " " + answer``, adding ``". " + boolean_explanation``
when ``answer_type == "Boolean"`` (a KeyError without it), and ``question + " No answer could be
found."`` for a question with no answers (lines 167-187); it then divides by the number of reference
questions and of reference strings (lines 115, 143, 160), so a reference with no questions raises
ZeroDivisionError.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from support import FULL
from support.consumers import fever_scorer

import claimcheck
from claimcheck.interop import export
from claimcheck.interop.averitec_export import to_averitec

AVERITEC_LABELS = ("Supported", "Refuted", "Not Enough Evidence", "Conflicting Evidence/Cherrypicking")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def fever_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The full fixture's FEVER gold file and predictions file, as written by the CLI's exporters."""
    out = tmp_path_factory.mktemp("fever")
    corpus = claimcheck.load(FULL)
    export(corpus, "fever", out / "gold.jsonl")
    export(corpus, "fever-predictions", out / "pred.jsonl")
    return _jsonl(out / "gold.jsonl"), _jsonl(out / "pred.jsonl")


def restated_strict_score(predictions: list[dict[str, Any]], gold: list[dict[str, Any]], max_evidence: int = 5) -> float:
    """The FEVER score as scorer.py computes it (see the module docstring for the lines), aligned by position."""
    strict = 0
    for pred, actual in zip(predictions, gold, strict=True):
        evidence = pred["predicted_evidence"]
        assert all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], int) for p in evidence)
        if actual["label"].upper() != pred["predicted_label"].upper():
            continue
        if actual["label"].upper() == "NOT ENOUGH INFO":
            strict += 1
            continue
        for group in actual["evidence"]:
            if all([e[2], e[3]] in evidence[:max_evidence] for e in group):
                strict += 1
                break
    return strict / len(predictions)


def test_fever_gold_has_the_shared_task_shape(fever_files: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    """Gold items: int ids, the three labels, groups of 4-item [annotation, evidence, page, sentence] with int sentence ids."""
    gold, _ = fever_files
    assert [(i["claim_id"], i["label"]) for i in gold] == [("fare-rise", "SUPPORTS"), ("hiding", "REFUTES"), ("announced", "SUPPORTS")]
    for item in gold:
        assert isinstance(item["id"], int)
        assert item["verifiable"] == "VERIFIABLE"
        assert item["evidence"], item
        for group in item["evidence"]:
            for e in group:
                assert len(e) == 4
                assert isinstance(e[0], int)
                assert isinstance(e[1], int)
                assert isinstance(e[2], str)
                assert isinstance(e[3], int)
    hiding = gold[1]
    # the denial's appearance is sentence 5 of the article; "The committee noted the presentation" sentence 5 of the minutes ("Item 5." is 4)
    assert sorted([e[2], e[3]] for g in hiding["evidence"] for e in g) == [["council-minutes", 5], ["ferry-article", 5]]
    # a quote across two sentences is one group of both: all of it is needed (scorer.py line 41)
    assert [[e[2], e[3]] for e in gold[0]["evidence"][0]] == [["ferry-article", 1], ["ferry-article", 2]]


def test_fever_sentence_ids_are_the_sentences_of_the_full_text(fever_files: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
    """Each gold (page, sentence) names a sentence of that document's full text that holds the quote it stands for."""
    from claimcheck.core.anchors import sentences
    from claimcheck.core.quotes import normalise

    gold, _ = fever_files
    texts = {"ferry-article": "ferry-fares.txt", "council-minutes": "council-minutes.txt"}
    for item in gold:
        for group, quotes in zip(item["evidence"], item["evidence_quotes"], strict=True):
            ((document, quote),) = quotes  # one quote a group: a passage, or one appearance of a bearing claim
            assert {e[2] for e in group} == {document}
            text = (FULL / "texts" / texts[document]).read_text(encoding="utf-8")
            spans = [sentences(text)[e[3]] for e in group]
            assert normalise(quote) in normalise(text[spans[0][0] : spans[-1][1]])
            assert [e[3] for e in group] == list(range(group[0][3], group[-1][3] + 1))  # consecutive sentences


def test_our_fever_export_scores_1_against_itself_with_the_restated_scorer(
    fever_files: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    """Predictions equal to the gold evidence score 1.0; a wrong label or a sentence short of a whole group fails the claim."""
    gold, predictions = fever_files
    assert restated_strict_score(predictions, gold) == 1.0
    broken = copy.deepcopy(predictions)
    broken[0]["predicted_evidence"] = broken[0]["predicted_evidence"][:1]
    broken[1]["predicted_label"] = "SUPPORTS"
    assert restated_strict_score(broken, gold) == pytest.approx(1 / 3)


def test_our_fever_export_scores_1_against_itself_with_the_official_scorer(
    fever_files: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    """The official fever.scorer.fever_score gives strict score 1.0 (blind mode: predictions without labels, gold passed apart)."""
    scorer = fever_scorer()
    if scorer is None:
        pytest.skip("the official FEVER scorer is not installed (.ci/run unpacks fever-scorer 2.0.39 into ~/.cache/claimcheck-consumers)")
    gold, predictions = fever_files
    # fever_score adds the gold keys to the predictions it is given: pass copies
    strict, accuracy, precision, recall, f1 = scorer.fever_score(copy.deepcopy(predictions), gold)
    assert (strict, accuracy, precision, recall, f1) == (1.0, 1.0, 1.0, 1.0, 1.0)
    broken = copy.deepcopy(predictions)
    broken[0]["predicted_evidence"] = broken[0]["predicted_evidence"][:1]
    assert scorer.fever_score(broken, gold)[0] == pytest.approx(2 / 3)


def _comparison_strings(example: dict[str, Any]) -> list[str]:
    """The strings AVeriTeC's eval.py compares (lines 167-187), built the same way."""
    out = []
    for question in example["questions"]:
        answers = question["answers"] if isinstance(question["answers"], list) else [question["answers"]]
        for answer in answers:
            text = question["question"] + " " + answer["answer"]
            if answer.get("answer_type") == "Boolean":
                text += ". " + answer["boolean_explanation"]
            out.append(text)
        if not answers:
            out.append(question["question"] + " No answer could be found.")
    return out


def test_averitec_gives_questions_and_answers_for_every_reviewed_claim(tmp_path: Path) -> None:
    """Every item holds questions with answers (Boolean ones explained), a label eval.py knows, and strings to compare."""
    corpus = claimcheck.load(FULL)
    items = json.loads(export(corpus, "averitec", tmp_path / "a.json").path.read_text(encoding="utf-8"))
    assert [i["claim_id"] for i in items] == ["fare-rise", "hiding", "announced"]
    for item in items:
        assert item["label"] in AVERITEC_LABELS
        assert isinstance(item["claim_types"], list)
        assert item["questions"], item["claim_id"]  # eval.py divides by their number
        strings = _comparison_strings(item)  # raises KeyError as eval.py would on a Boolean answer without explanation
        assert strings
        assert 1 / float(len(item["questions"])) > 0
        assert 1 / float(len(strings)) > 0
    hiding = items[1]
    assert hiding["cached_original_claim_url"] == "https://archive.example/gazette-ferry-fares"
    by_relation = {q["relation"]: q for q in hiding["questions"]}
    assert set(by_relation) == {"announced-denies-hiding", "dahl-supports-hiding", "minutes-contradict-hiding"}
    denial = by_relation["announced-denies-hiding"]["answers"][0]
    assert (denial["answer"], denial["answer_type"]) == ("No", "Boolean")
    assert "announced the increase to the council in January" in denial["boolean_explanation"]
    minutes = by_relation["minutes-contradict-hiding"]["answers"][0]
    assert minutes["boolean_explanation"] == "The committee noted the presentation"
    assert minutes["source_url"] == "https://council.example/minutes/2024-01-14"
    # a claim on which nothing bears still gets a question (answered Unanswerable), so eval.py never divides by zero
    bare = attrs.evolve(corpus, relations={})
    lone, _ = to_averitec(bare)
    assert all(i["questions"][0]["answers"][0]["answer_type"] == "Unanswerable" for i in lone)
    # the evaluation against itself: every reference string has an identical prediction string (utility 1 after reweighting)
    for item in items:
        strings = _comparison_strings(item)
        assert sum(1.0 for s in strings if s in _comparison_strings(copy.deepcopy(item))) / len(strings) == 1.0
