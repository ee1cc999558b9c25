"""The CI gate: event F1 on the project's own gold articles must not drop below FLOOR."""

from pathlib import Path

from eventcoder.evaluate import Scores, load_gold, score_article
from eventcoder.ingest import read_document

GOLD = Path(__file__).parent / "fixtures" / "gold"


def test_event_f1_on_own_gold_set_is_above_the_floor(subset_pipeline):
    floors = dict(line.split() for line in (GOLD / "FLOOR").read_text().splitlines() if line.strip())
    scores = Scores()
    for rec, article in load_gold(GOLD):
        assert article is not None
        doc = read_document(article, published=rec["published"], url=rec["url"], doc_id=rec["id"])
        score_article(subset_pipeline.code_document(doc).to_dict(), rec, scores)
    result = scores.as_dict()
    print("own gold set:", result["events"], result["measures"], result["quotes"])
    assert result["events"]["f1"] >= float(floors["event_f1"]), result["per_article"]
    assert result["measures"]["f1"] >= float(floors["measure_f1"])
    assert result["quotes"]["recall"] >= float(floors["quote_recall"])
    assert result["relevance_accuracy"] >= float(floors["relevance"])
