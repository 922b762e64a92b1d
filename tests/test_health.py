"""A source's health from one crawl: ok, degraded, failed, and the count bounds."""

from pipelines.health import assess


def test_documents_and_no_problem_is_ok():
    health = assess(3, 2, [], min_items=1, last_healthy=5)
    assert (health.status, health.seen, health.problems) == ("ok", 5, [])


def test_problems_with_documents_is_degraded():
    health = assess(1, 0, ["HTTP 404 for x"], min_items=1, last_healthy=None)
    assert health.status == "degraded" and health.problems == ["HTTP 404 for x"]


def test_nothing_found_is_failed_even_without_a_problem():
    health = assess(0, 0, [], min_items=1, last_healthy=None)
    assert health.status == "failed"
    assert health.problems == ["only 0 documents found, at least 1 expected"]


def test_far_fewer_than_the_last_healthy_run_is_a_problem():
    health = assess(2, 1, [], min_items=1, last_healthy=8)
    assert health.status == "degraded"
    assert health.problems == ["only 3 documents found, its last healthy run had 8"]
    assert assess(2, 2, [], min_items=1, last_healthy=8).status == "ok"  # half is fine


def test_articles_left_out_by_relevance_count_as_found():
    assert assess(0, 0, [], min_items=2, last_healthy=None, left_out=3).status == "ok"


def test_a_crawl_that_ended_early_is_a_problem():
    health = assess(4, 0, [], min_items=1, last_healthy=None, finish_reason="shutdown")
    assert health.problems == ["crawl ended early (shutdown)"]
