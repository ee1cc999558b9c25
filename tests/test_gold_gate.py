"""The CI gate: event F1 on the project's own gold articles must not drop below FLOOR."""

from pathlib import Path

from eventcoder.evaluate import Scores, load_gold, score_article
from eventcoder.ingest import read_document

GOLD = Path(__file__).parent / "fixtures" / "gold"


def test_event_f1_on_own_gold_set_is_above_the_floor(pipeline):
    floor = float((GOLD / "FLOOR").read_text().strip())
    scores = Scores()
    for rec, article in load_gold(GOLD):
        assert article is not None
        doc = read_document(article, published=rec["published"], url=rec["url"], doc_id=rec["id"])
        score_article(pipeline.code_document(doc).to_dict(), rec, scores)
    result = scores.as_dict()
    assert result["events"]["f1"] >= floor, result["per_article"]
    assert result["relevance_accuracy"] == 1.0
