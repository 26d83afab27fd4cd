"""The single tagging worker: the server answers while a document is being tagged."""

import threading

from innotag.models.serving.app import create_app
from innotag.models.serving.service import Source, TaggingService

from conftest import FINNISH


class BlockingTagger:
    """A tagger whose tagging waits until released, so the test controls what is in flight."""

    def __init__(self, tagger):
        self.real, self.loaded = tagger, tagger.loaded
        self.started, self.release = threading.Event(), threading.Event()
        self.threads = set()

    def tag_chunk(self, items, explain=False):
        self.threads.add(threading.current_thread().name)
        self.started.set()
        assert self.release.wait(30)
        return self.real.tag_chunk(items, explain)



def test_health_and_page_answer_during_tagging(tagger, start_server):
    blocking = BlockingTagger(tagger)
    live = start_server(create_app(tagger=blocking))
    try:
        results = {}
        worker = threading.Thread(target=lambda: results.update(r=live.post("/v1/tag", json={"text": FINNISH})))
        worker.start()
        assert blocking.started.wait(30)
        live.assert_alive()                                # while the tagging is blocked
        assert live.get("/").status_code == 200
        assert live.get("/v1/model").status_code == 200
        blocking.release.set()
        worker.join(60)
        assert results["r"].status_code == 200 and results["r"].json()["stage"]
        assert all(name.startswith("innotag-tagging") for name in blocking.threads)
    finally:
        blocking.release.set()


def test_unreadable_sources_get_error_records_in_order(tagger):
    import asyncio

    service = TaggingService(tagger)
    try:
        tagged = asyncio.run(service.tag([Source("a.txt", data=FINNISH.encode()), Source("b.doc", data=b"x"),
                                          Source("c", text=FINNISH)]))
    finally:
        service.close()
    assert [t.result.id for t in tagged] == ["a.txt", "b.doc", "c"]
    assert tagged[0].text == FINNISH and tagged[0].result.stage
    assert tagged[1].failure is not None and "unsupported file type '.doc'" in tagged[1].result.error
