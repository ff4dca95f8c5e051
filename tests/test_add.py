"""claimcheck add: records from options or prompts, checked against the corpus, appended with the
file's comments and layout kept, and nothing written when anything fails."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from support import copy_case

import claimcheck
from claimcheck.cli import main
from claimcheck.editor import new_corpus
from claimcheck.editor.scaffold import EXAMPLE_NAME

REAL_QUOTE = "SMIC said it had no relationship with the Chinese armed forces"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def smic(tmp_path: Path) -> Path:
    """A copy of the SMIC corpus whose article's full text is available (quotes are checked)."""
    return copy_case(tmp_path)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A new corpus with the example story (no full texts)."""
    new_corpus(tmp_path / "story")
    return tmp_path / "story"


def comment_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def test_add_claim_from_options_keeps_every_byte_of_the_file(smic: Path) -> None:
    """The new claim is inserted after the last claim; removing it gives back the file exactly as it was."""
    file = smic / "smic-2020.yaml"
    before = file.read_text(encoding="utf-8")
    result = run(
        "add", "claim", str(smic), "--no-input", "--text", "SMIC denies any relationship with the Chinese armed forces.",
        "--speaker", "smic", "--kind", "denial", "--document", "smic-article", "--quote", REAL_QUOTE,
        "--chain", "smic:cites-document:smic-statement", "--date", "../2020-09", "--subject", "smic", "--topic", "military-links",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "added claim 'smic-denies-any-relationship-chinese-armed'" in result.stdout
    after = file.read_text(encoding="utf-8")
    block = (
        "\n  - id: smic-denies-any-relationship-chinese-armed\n"
        "    text: SMIC denies any relationship with the Chinese armed forces.\n"
        "    speaker: smic\n    kind: denial\n    date: \"../2020-09\"\n    topics: [military-links]\n    subjects: [smic]\n"
        "    appearances:\n      - document: smic-article\n"
        f"        quote: {REAL_QUOTE}\n"
        "        chain:\n          - {source: smic, mode: cites-document, document: smic-statement}\n"
    )  # fmt: skip
    assert block in after
    assert after.replace(block, "", 1) == before
    assert after.index(block) < after.index("\nrelations:")
    corpus = claimcheck.load(smic)
    assert corpus.ok
    assert corpus.claims["smic-denies-any-relationship-chinese-armed"].appearances[0].match is not None


def test_add_claim_by_prompts(story: Path) -> None:
    """Every field can be typed at a prompt; a typo gets "did you mean" and is asked again; the id is suggested."""
    answers = [
        "The bridge will open in May.",  # text
        "example-councl",  # speaker, mistyped
        "example-council",
        "prediction",  # kind
        "example-gazette-bridge-article",  # document
        "The bridge will open in May",  # quote
        "2024-03",  # date
        "example-builder, example-counci",  # subjects, one mistyped
        "example-builder",
        "",  # id: accept the suggestion
    ]
    result = run("add", "claim", str(story), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "speaker: unknown source 'example-councl' (did you mean 'example-council'?)" in result.output
    assert "subjects: unknown source 'example-counci' (did you mean 'example-council'?)" in result.output
    assert "[bridge-will-open-may]" in result.output  # the suggested id, shown as the prompt's default
    claim = claimcheck.load(story).claims["bridge-will-open-may"]
    assert claim.date is not None
    assert (claim.speaker, claim.kind, claim.subjects, claim.date.text) == (
        "example-council",
        "prediction",
        ("example-builder",),
        "2024-03",
    )


def test_add_relation_with_evidence_by_prompts(story: Path) -> None:
    """Leaving 'by' empty asks for a quoted passage of a document instead."""
    answers = [
        "supports",
        "council-builder-missed-deadline",
        "",
        "example-gazette-bridge-article",
        "The deadline passed in February",
        "",
        "",
    ]
    result = run("add", "relation", str(story), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    (rel,) = (r for r in claimcheck.load(story).relations.values() if r.type == "supports")
    assert rel.id.startswith("example-gazette-bridge-article-supports-council")
    assert rel.evidence is not None
    assert rel.evidence.quote == "The deadline passed in February"


def test_add_source_and_document_from_options(story: Path) -> None:
    """Sources and documents get slug ids from their names, made unique, with dates quoted as the SMIC file does."""
    assert run("add", "source", str(story), "--no-input", "--name", "Example Council", "--kind", "government-body").exit_code == 0
    result = run(
        "add", "document", str(story), "--no-input", "--title", "Council minutes of 12 March 2024", "--kind", "report",
        "--publisher", "example-council", "--date", "2024-03-12", "--unseen",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    corpus = claimcheck.load(story)
    assert corpus.ok
    assert corpus.sources["example-council-2"].name == "Example Council"  # example-council was taken
    doc = corpus.documents["council-minutes-12-march-2024"]
    assert (doc.seen, doc.publisher) == (False, "example-council")
    assert '    date: "2024-03-12"\n    seen: false\n' in (story / EXAMPLE_NAME).read_text(encoding="utf-8")


def test_quote_is_checked_against_the_full_text(smic: Path) -> None:
    """A quote that is not in the document's verified full text is refused, and the file is not written."""
    file = smic / "smic-2020.yaml"
    before = file.read_bytes()
    args = ["add", "claim", str(smic), "--text", "SMIC is fine.", "--speaker", "smic", "--kind", "assertion", "--document", "smic-article"]
    result = run(*args, "--no-input", "--quote", "SMIC said everything is fine")
    assert result.exit_code == 1
    assert "the quote is not in the full text of 'smic-article'" in result.stderr
    assert file.read_bytes() == before
    result = run(*args, input="\n".join(["SMIC said everything is fine", REAL_QUOTE, "", "", ""]) + "\n")  # then no date, subjects, id
    assert result.exit_code == 0, result.output
    assert result.output.count("the quote is not in the full text") == 1
    assert file.read_bytes() != before


def test_ids_are_checked(smic: Path) -> None:
    """A taken id is refused with a free one suggested; a malformed one with its slug suggested."""
    base = ["add", "source", str(smic), "--no-input", "--name", "Pentagon", "--kind", "government-body"]
    taken = run(*base, "--id", "pentagon")
    assert taken.exit_code == 1
    assert "id: 'pentagon' is already used in the corpus; choose another (free: 'pentagon-2')" in taken.stderr
    bad = run(*base, "--id", "The_Pentagon")
    assert bad.exit_code == 1
    assert "(did you mean 'the-pentagon'?)" in bad.stderr
    assert run(*base).exit_code == 0
    assert claimcheck.load(smic).sources["pentagon-2"].name == "Pentagon"


def test_references_get_did_you_mean(smic: Path) -> None:
    """A relation naming a claim that does not exist is refused with the nearest id."""
    result = run(
        "add", "relation", str(smic), "--no-input", "--type", "denies", "--target", "pentagon-militry-links", "--by", "smic-no-military-relationship",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "target: unknown claim 'pentagon-militry-links' (did you mean 'pentagon-military-links'?)" in result.stderr


def test_missing_required_value_without_prompts_is_a_usage_error(story: Path) -> None:
    """--no-input never prompts: a missing required option exits 2 and names it."""
    result = run("add", "claim", str(story), "--no-input", "--text", "Something happened.")
    assert result.exit_code == 2
    assert "--speaker is required" in result.stderr


def test_nothing_is_written_when_the_corpus_would_not_validate(smic: Path) -> None:
    """A record that passes the field checks but breaks the corpus (a cycle in its chain) is refused whole."""
    file = smic / "smic-2020.yaml"
    before = file.read_bytes()
    result = run(
        "add", "claim", str(smic), "--no-input", "--text", "SMIC has no military ties.", "--speaker", "smic", "--kind", "denial",
        "--document", "smic-article", "--quote", REAL_QUOTE, "--chain", "smic:paraphrase", "--chain", "smic:paraphrase",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "[chain-cycle]" in result.stderr
    assert file.read_bytes() == before


def test_file_is_required_when_the_corpus_has_several(story: Path) -> None:
    """With two story files --file chooses; without it the command says so; a missing section is created in place."""
    other = story / "other.yaml"
    other.write_text("# Another story.\nsources:\n  - id: someone\n    name: Someone\n    kind: person\n\nreviews: []\n", encoding="utf-8")
    base = ["add", "relation", str(story), "--no-input", "--type", "context", "--target", "council-builder-missed-deadline"]
    result = run(*base, "--by", "builder-deadline-met")
    assert result.exit_code == 2
    assert "holds 2 YAML story files" in result.stderr
    result = run(*base, "--by", "builder-deadline-met", "--file", str(other), "--note", "Both speak of the same deadline.")
    assert result.exit_code == 0, result.stderr
    text = other.read_text(encoding="utf-8")
    assert text.startswith("# Another story.\nsources:\n")
    assert text.index("relations:\n  - id: builder-deadline-met-context-council-builder-missed-deadline") < text.index("reviews: []")
    assert yaml.safe_load(text)["relations"][0]["note"] == "Both speak of the same deadline."
    assert claimcheck.load(story).ok


def test_unparsable_file_is_left_alone(story: Path) -> None:
    """A story file that cannot be parsed is reported and not written."""
    broken = story / EXAMPLE_NAME
    broken.write_text(broken.read_text(encoding="utf-8") + "claims: [unclosed\n", encoding="utf-8")
    before = broken.read_bytes()
    result = run("add", "source", str(story), "--no-input", "--name", "Someone", "--kind", "person", "--file", str(broken))
    assert result.exit_code == 2
    assert "cannot parse" in result.stderr
    assert broken.read_bytes() == before


def test_dry_run_writes_nothing(story: Path) -> None:
    """--dry-run checks everything and says what it would add."""
    before = (story / EXAMPLE_NAME).read_bytes()
    result = run("add", "source", str(story), "--no-input", "--name", "Someone", "--kind", "person", "--dry-run")
    assert result.exit_code == 0
    assert "would add source 'someone'" in result.stdout
    assert (story / EXAMPLE_NAME).read_bytes() == before


def test_file_may_be_a_new_story_file(story: Path) -> None:
    """--file naming a file that does not exist yet (inside the corpus) creates it with the section."""
    result = run("add", "source", str(story), "--no-input", "--name", "Someone", "--kind", "person", "--file", "people.yaml")
    assert result.exit_code == 0, result.stderr
    assert (story / "people.yaml").read_text(encoding="utf-8") == "sources:\n  - id: someone\n    name: Someone\n    kind: person\n"
    outside = run("add", "source", str(story), "--no-input", "--name", "Other", "--kind", "person", "--file", str(story.parent / "x.yaml"))
    assert outside.exit_code == 2
    assert "not inside the corpus" in outside.stderr
