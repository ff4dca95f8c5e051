"""claimcheck draft from the command line: the workflow draft → review → edit → publish, web pages, the
full text kept where fulltext_paths finds it and never overwritten, the corpus's sources reused, and
nothing written unless the corpus validates; and add comment / add review."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from support import ROOT, SOURCES, copy_smic

import claimcheck
from claimcheck.cli import main
from claimcheck.editor import new_corpus

FERRY = """Ferry fares to rise by 12 percent

Nordvik Ferries will raise its fares by 12 percent in April, the company said on Monday.

The Harbour Users' Association accused the company of hiding the increase until after the council vote.

A spokesperson for Nordvik Ferries said the increase had been announced to the council in January.

The council declined to comment.
"""
PAGE = """<!doctype html><html lang="en"><head><title>Quay closure | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette"><meta property="article:published_time" content="2024-03-06T09:00:00Z">
<link rel="canonical" href="https://gazette.example.com/quay"><script>var tracking = "said the ad server";</script></head>
<body><nav><p>Home | News</p></nav><article><h1>Eastern quay to close for repairs</h1>
<p class="standfirst">Operator says the work will take six weeks</p><p class="byline">By Nell Ambrose</p>
<p>Ferrybridge Logistics said on Monday that it would close the eastern quay for repairs.</p>
<p>&ldquo;The wall is older than any of us,&rdquo; said Tomas Reyes, the firm&rsquo;s safety director.</p>
</article><footer><p>Copyright the publisher</p></footer></body></html>
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tutorial's corpus: my-desk/ with texts/ as its full-text folder, and the ferry article in texts/."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texts").mkdir()
    new_corpus(tmp_path / "my-desk", texts=tmp_path / "texts", example=False)
    (tmp_path / "texts" / "ferry-fares.txt").write_text(FERRY, encoding="utf-8")
    return tmp_path


def test_draft_review_edit_publish(desk: Path) -> None:
    """The walkthrough of docs/editing.md: draft, list the drafts, check them, publish them by deleting the status lines."""
    result = run(
        "draft", "texts/ferry-fares.txt", "-o", "my-desk/ferry-fares.yaml", "--publisher", "The Harbour Gazette", "--date", "2024-03-04"
    )
    assert result.exit_code == 0, result.output
    assert "covering 4 of 4 claim-bearing sentences" in result.stderr
    story = desk / "my-desk" / "ferry-fares.yaml"
    data = yaml.safe_load(story.read_text(encoding="utf-8"))
    assert not (desk / "my-desk" / "ferry-fares.txt").exists()  # the text stays in texts/, where it already was
    doc = data["documents"][0]
    assert doc["fulltext"] == {"sha256": hashlib.sha256(FERRY.encode()).hexdigest(), "file": "ferry-fares.txt"}
    assert {c["status"] for c in data["claims"]} == {"draft"}
    assert data["comments"][0]["outcome"] == "declined"
    assert run("validate", "my-desk").exit_code == 0
    pending = run("review", "my-desk")
    assert pending.stdout.count("draft claim") == len(data["claims"])
    assert "unanswered-accusation" not in run("check", "my-desk").stdout  # drafts are not checked unless asked
    with_drafts = run("check", "my-desk", "--include-drafts")
    assert with_drafts.exit_code == 0
    # publish: an editor confirms every record and deletes its status line
    story.write_text(re.sub(r"\n\s*status: draft", "", story.read_text(encoding="utf-8")), encoding="utf-8")
    assert "everything is published" in run("review", "my-desk").stderr
    assert run("check", "my-desk").exit_code == 0
    assert run("brief", "my-desk", "-o", "reports/ferry.md").exit_code == 0
    assert "Nordvik Ferries" in (desk / "reports" / "ferry.md").read_text(encoding="utf-8")


def test_a_web_page_is_read_and_its_extracted_text_kept(desk: Path) -> None:
    """The page's article text (no navigation, scripts or footer) is saved in the full-text folder and quotes are checked against it."""
    (desk / "quay.html").write_text(PAGE, encoding="utf-8")
    result = run("draft", "quay.html", "-o", "my-desk/quay.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["written"] is True
    assert report["fulltext_written"] is True
    saved = desk / "texts" / "quay.txt"
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("Eastern quay to close for repairs\n\nOperator says")
    assert "tracking" not in text
    assert "Copyright" not in text
    assert "Home | News" not in text
    data = yaml.safe_load((desk / "my-desk" / "quay.yaml").read_text(encoding="utf-8"))
    doc = data["documents"][0]
    assert doc["date"] == "2024-03-06"
    assert doc["url"] == "https://gazette.example.com/quay"
    assert doc["fulltext"]["sha256"] == hashlib.sha256(saved.read_bytes()).hexdigest()
    names = {s["id"]: s["name"] for s in data["sources"]}
    assert names[doc["publisher"]] == "The Harbour Gazette"
    assert any(names[a] == "Nell Ambrose" for a in doc["authors"])
    quote = next(c for c in data["claims"] if "older than any of us" in c["appearances"][0]["quote"])
    assert names[quote["speaker"]] == "Tomas Reyes"
    corpus = claimcheck.load(desk / "my-desk")
    assert corpus.ok, [p.format() for p in corpus.problems]
    assert all(a.match is not None for c in corpus.claims.values() for a in c.appearances)  # every quote found in the text


def test_an_existing_different_text_is_never_overwritten(desk: Path) -> None:
    """A different file already holding the text's name is refused (exit 2), and nothing is written."""
    (desk / "quay.html").write_text(PAGE, encoding="utf-8")
    (desk / "texts" / "quay.txt").write_text("another article\n", encoding="utf-8")
    result = run("draft", "quay.html", "-o", "my-desk/quay.yaml")
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.stderr
    assert (desk / "texts" / "quay.txt").read_text(encoding="utf-8") == "another article\n"
    assert not (desk / "my-desk" / "quay.yaml").exists()
    assert run("draft", "quay.html", "-o", "my-desk/quay.yaml", "--text-name", "quay-2024.txt").exit_code == 0


def test_refusals(desk: Path) -> None:
    """An output outside a corpus, an existing output, or a corpus with no full-text folder is a usage error; --dry-run writes nothing."""
    assert run("draft", "texts/ferry-fares.txt", "-o", "elsewhere/x.yaml").exit_code == 2
    (desk / "my-desk" / "taken.yaml").write_text("sources: []\n", encoding="utf-8")
    assert "exists" in run("draft", "texts/ferry-fares.txt", "-o", "my-desk/taken.yaml").stderr
    dry = run("draft", "texts/ferry-fares.txt", "-o", "my-desk/new.yaml", "--dry-run")
    assert dry.exit_code == 0
    assert "claims:" in dry.stdout
    assert "would write" in dry.stdout
    assert not (desk / "my-desk" / "new.yaml").exists()
    new_corpus(desk / "bare", example=False)
    (desk / "article.txt").write_text(FERRY, encoding="utf-8")
    bare = run("draft", "article.txt", "-o", "bare/story.yaml")
    assert bare.exit_code == 2
    assert "fulltext_paths" in bare.stderr


def test_the_corpus_sources_are_reused(tmp_path: Path) -> None:
    """Drafting the SMIC article into the SMIC corpus reuses its sources by name and alias and proposes few new ones."""
    if not (SOURCES / "smic-us-restrictions-2020.txt").is_file():
        pytest.skip("the SMIC article is not available")
    corpus_dir = copy_smic(tmp_path / "claims")
    corpus = claimcheck.load(corpus_dir)
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(SOURCES / "smic-us-restrictions-2020.txt", texts / "smic.txt")
    result = run(
        "draft",
        str(texts / "smic.txt"),
        "-o",
        str(corpus_dir / "smic-draft.yaml"),
        "--date",
        "2020-09",
        "--fulltext",
        str(texts),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    reused = set(report["reused"])
    assert {"smic", "pentagon", "commerce-department", "trump-administration", "wsj", "sos-international", "huawei", "tsmc"} <= reused
    data = yaml.safe_load((corpus_dir / "smic-draft.yaml").read_text(encoding="utf-8"))
    new_names = {s["name"] for s in data["sources"]}
    assert not new_names & {s.name for s in corpus.sources.values()}
    wsj = next(c for c in data["claims"] if "Wall Street Journal" in c["appearances"][0]["quote"])
    assert [h["source"] for h in wsj["appearances"][0]["chain"]] == ["pentagon", "wsj"]
    after = claimcheck.load(corpus_dir, fulltext_paths=[texts])
    assert after.ok, [p.format() for p in after.problems if p.severity.name == "ERROR"]


@pytest.mark.parametrize("slug", sorted(p.parent.name for p in (ROOT / "tests" / "stories").glob("*/story.yaml")))
def test_each_story_drafts_into_its_own_corpus(slug: str, tmp_path: Path) -> None:
    """A test story drafted into a copy of its hand-recorded corpus validates there, reusing some of its sources."""
    folder = ROOT / "tests" / "stories" / slug
    if not (folder / "claims" / "claimcheck.yaml").is_file():
        pytest.skip(f"{slug} has no corpus yet")
    story = yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8"))
    shutil.copytree(folder, tmp_path / slug)
    corpus_dir = tmp_path / slug / "claims"
    result = run(
        "draft",
        str(tmp_path / slug / "article.txt"),
        "-o",
        str(corpus_dir / "drafted.yaml"),
        "--date",
        str(story["date"]),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["reused"]
    assert claimcheck.load(corpus_dir).ok


def test_add_comment_and_add_review(desk: Path) -> None:
    """add comment and add review write the two record kinds no other add writes, checked like the others."""
    assert run("draft", "texts/ferry-fares.txt", "-o", "my-desk/ferry-fares.yaml", "--date", "2024-03-04").exit_code == 0
    data = yaml.safe_load((desk / "my-desk" / "ferry-fares.yaml").read_text(encoding="utf-8"))
    ferries = next(s["id"] for s in data["sources"] if s["name"] == "Nordvik Ferries")
    allegation = next(c["id"] for c in data["claims"] if c["kind"] == "allegation")
    refused = run(
        "add", "comment", "my-desk", "--file", "my-desk/ferry-fares.yaml", "--no-input", "--subject", ferries, "--outcome", "not-asked"
    )
    assert refused.exit_code == 1
    assert "reason" in refused.stderr
    ok = run(
        "add", "comment", "my-desk", "--file", "my-desk/ferry-fares.yaml", "--no-input", "--subject", ferries, "--outcome", "asked",
        "--asked", "2024-03-01", "--claim", allegation,
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    wrong = run(
        "add", "review", "my-desk", "--file", "my-desk/ferry-fares.yaml", "--no-input", "--claim", allegation, "--verdict", "mostly-fals",
        "--rationale", "The minutes show the increase was announced.", "--reviewer", "Desk", "--date", "2024-03-08",
    )  # fmt: skip
    assert wrong.exit_code == 1
    assert "did you mean 'mostly-false'" in wrong.stderr
    review = run(
        "add", "review", "my-desk", "--file", "my-desk/ferry-fares.yaml", "--no-input", "--claim", allegation, "--verdict", "mostly-false",
        "--rationale", "The minutes show the increase was announced.", "--reviewer", "Desk", "--date", "2024-03-08",
    )  # fmt: skip
    assert review.exit_code == 0, review.output
    corpus = claimcheck.load(desk / "my-desk")
    assert corpus.ok
    assert any(r.verdict == "mostly-false" for r in corpus.reviews.values())
    assert any(c.outcome == "asked" and c.claims == (allegation,) for c in corpus.comments.values())
