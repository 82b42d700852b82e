"""The briefing report: one offline page with the map, a timeline, counts and the incident table."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def test_briefing_page(tmp_path):
    hostile = tmp_path / "r.txt"
    hostile.write_text("Lima, 2 May 2010\n\nA bomb exploded in Huanta on May 1 <script>alert(1)</script>, "
                       "killing two.\n", encoding="utf-8")
    out = tmp_path / "briefing.html"
    run = cli("report", ROOT / "examples" / "reports", hostile, "-o", out, "--title", "Weekly <b>brief</b>")
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    for section in ("<h2>Map</h2>", "<h2>Timeline</h2>", "<svg", "Incidents by department and type", "<h2>Incidents</h2>"):
        assert section in page
    assert "Weekly &lt;b&gt;brief&lt;/b&gt;" in page and "<b>brief</b>" not in page
    assert "<script>alert(1)" not in page.split("<iframe")[0] + page.split("</iframe>")[-1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', page)
    assert "Huancavelica" in page and "Gunmen ambushed a police convoy" in page


def test_briefing_pdf(tmp_path, chromium):
    out, pdf = tmp_path / "b.html", tmp_path / "b.pdf"
    run = cli("report", ROOT / "examples" / "reports", "-o", out, "--pdf", pdf)
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
