"""The review page as an analyst uses it, in headless Chromium with the network blocked: decisions saved as a
corrections file, which later runs apply (and flag as stale when a report changed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
from hostile_corpus import write_hostile_corpus

from geo.cli import main

REPORTS = Path(__file__).parent / "fixtures" / "review"
MISSED = "Armed men burned the community hall of Kepashiato that night."


def _open(chromium, path):
    page = chromium.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    seen = {"errors": [], "remote": []}
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))

    def route(r):
        if r.request.url.startswith(("http://", "https://")):
            seen["remote"].append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("window.incidentReview")
    return page, seen


_SELECT = """([n, a, b]) => {
  const box = document.querySelectorAll('section.report')[n].querySelector('.text');
  const point = pos => { for (const seg of box.children) { const s = +seg.dataset.start, t = Array.from(seg.textContent);
    if (pos <= s + t.length) return [seg.firstChild, t.slice(0, pos - s).join('').length]; } };
  const r = document.createRange(), [n1, o1] = point(a), [n2, o2] = point(b);
  r.setStart(n1, o1); r.setEnd(n2, o2);
  const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); }"""


def _table(folder, tmp_path, name, *extra):
    out = tmp_path / f"{name}.csv"
    assert main(["extract", str(folder), "-o", str(out), "-q", *map(str, extra)]) == 0
    return pd.read_csv(out)


def test_decisions_on_the_page_are_applied_by_later_runs_and_flagged_stale(chromium, tmp_path, capsys):
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    report_b = (folder / "cusco-2011-06.txt").read_text(encoding="utf-8")
    page_path = tmp_path / "review.html"
    assert main(["review", str(folder), "-o", str(page_path), "-q"]) == 0
    page, seen = _open(chromium, page_path)
    a, b = page.locator("section.report").nth(0), page.locator("section.report").nth(1)

    a.locator("mark", has_text="Pichari").click()  # accept a place
    page.click("#detail button.accept-place")
    assert "accepted" in a.locator("mark", has_text="Pichari").get_attribute("class")

    a.locator("mark", has_text="Ocobamba").click()  # re-resolve a place to a runner-up
    runner_up = page.locator("#detail .candidates li", has_text="Chincheros, Apurímac · district")
    assert "km away" in runner_up.inner_text()
    runner_up.locator("button").click()
    bombing = a.locator("article.card").nth(1)
    assert "Ocobamba, Chincheros, Apurímac" in bombing.inner_text()
    bombing.click()  # the map pane shows the selected card's place
    assert page.locator("#map .leaflet-tooltip").count() == 1
    assert "Chincheros, Apurímac" in page.inner_text("#map .leaflet-tooltip")

    protest = a.locator("article.card").nth(2)  # reject an incident
    protest.locator("button.reject").click()
    assert "rejected" in a.locator("article.card").nth(2).get_attribute("class")

    start = report_b.index(MISSED)  # add a missed incident from a selected sentence
    page.evaluate(_SELECT, [1, start, start + len(MISSED)])
    b.locator("button.add-incident").click()
    added = b.locator("article.card.added")
    added.locator(".edit-form input").first.fill("2011-06-01")
    added.locator(".edit-form select").first.select_option("attack")
    added.locator(".edit-form input[type=number]").first.fill("0")
    added.locator("button.save-edit").click()
    assert "Kepashiato" in b.locator("article.card.added").inner_text()
    b.locator("label.reviewed input").check()
    page.screenshot(path=str(tmp_path / "review.png"))

    with page.expect_download() as download:
        page.click("#save")
    saved = tmp_path / "corrections.json"
    download.value.save_as(saved)
    assert seen == {"errors": [], "remote": []}
    page.close()
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert [len(d["places"]) + len(d["incidents"]) for d in record["documents"]] == [3, 1]

    before = _table(folder, tmp_path, "before")
    report = tmp_path / "run.json"
    after = _table(folder, tmp_path, "after", "--corrections", saved, "--report", report)
    assert json.loads(report.read_text())["corrections"]["applied"] == 4
    gone = set(before.incident_type) - set(after.incident_type)
    assert gone == {"protest"} and len(after) == len(before)  # one rejected, one added
    assert after.loc[after.incident_type == "bombing", "admin1"].tolist() == ["Apurímac"]
    new = after[after.evidence == MISSED]
    assert new[["incident_type", "event_date", "location", "fatalities"]].values.tolist() == [
        ["attack", "2011-06-01", "Kepashiato", 0]]
    untouched = before[~before.incident_type.isin(["protest", "bombing"])]
    assert untouched.incident_id.isin(after.incident_id).all()

    map_path = tmp_path / "map.html"  # the map draws the corrected incidents
    assert main(["map", str(folder), "-o", str(map_path), "--corrections", str(saved), "-q"]) == 0
    page = _open_map(chromium, map_path)
    drawn = page.evaluate("Object.values(window.incidentMaps)[0].data.incidents.map(d => [d.loc, d.chain])")
    assert len(drawn) == len(after) and any(loc == "Kepashiato" for loc, _ in drawn)
    assert any("Apurímac" in chain and loc == "Ocobamba" for loc, chain in drawn)
    page.close()

    capsys.readouterr()
    edited = folder / "ayacucho-2010-03.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("five vendors", "six vendors"), encoding="utf-8")
    stale = _table(folder, tmp_path, "stale", "--corrections", saved, "--report", report)
    run = json.loads(report.read_text())["corrections"]
    assert (run["applied"], run["stale"], run["unused"]) == (1, 3, 0)
    assert run["stale_documents"][0]["path"].endswith("ayacucho-2010-03.txt")
    assert "ayacucho-2010-03.txt: its text changed since the review: 3 corrections not applied" in capsys.readouterr().err
    assert "protest" in set(stale.incident_type)  # not applied silently


def _open_map(chromium, path):
    page = chromium.new_page()
    page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
    page.goto(path.as_uri())
    page.wait_for_function("window.incidentMaps && Object.keys(window.incidentMaps).length > 0")
    return page


def test_hostile_text_runs_nothing_in_the_review_page(chromium, tmp_path):
    root = tmp_path / "hostile"
    made = write_hostile_corpus(root)
    # each odd text once, but the two that are only long (a name or an incident word repeated thousands of times)
    odd = [p for p in made["text"] if p.name.startswith("odd-") and int(p.stem.split("-")[1]) in (0, 1, 2, 3, 4, 5, 6, 8)]
    page_path = tmp_path / "review.html"
    assert main(["review", *map(str, odd), str(root / "names"), str(root / "csv"), "-o", str(page_path), "-q"]) == 0
    page, seen = _open(chromium, page_path)
    marks = page.locator("mark")
    for i in range(min(marks.count(), 8)):  # open mentions and cards: their text goes into the side panel
        marks.nth(i).click()
    cards = page.locator("article.card")
    for i in range(min(cards.count(), 8)):
        cards.nth(i).click()
    assert page.evaluate("window.pwned") is None
    assert page.eval_on_selector_all("#reports [onerror], #reports script, #reports img, #detail img", "e => e.length") == 0
    assert page.locator(".text", has_text="<script>window.pwned=1</script>").count() > 0  # shown as text
    assert seen == {"errors": [], "remote": []}
    page.close()
