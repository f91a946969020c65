"""End to end: `streamlit run` in a real headless Chromium, confirm a flag, screenshot, and
an uploaded article full of markup shown as text in every view that renders it.

Needs Chromium at /usr/bin/chromium (``apt-get install chromium``); skipped with a reason
otherwise. Set FACTCHECK_SCREENSHOTS=dir to keep the screenshot."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from factcheck.store import ReviewStore

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "dashboard.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
# Worded like the seed that says "988 millions", with "milliards".
CONTRADICTING = (
    "L'administration Biden a annoncé une nouvelle aide militaire à l'Ukraine, d'un montant "
    "de 988 milliards de dollars.\nL'annonce a été faite samedi par le Pentagone.\n"
)
STARTUP_LIMIT_S = 90  # waiting for the server, not a speed assertion


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="module")
def server(workdir):
    tmp_path = workdir
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install it with apt-get install chromium")
    pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    (corpus / "washington.txt").write_text(CONTRADICTING, encoding="utf-8")
    with (corpus / "metadata.csv").open("a", encoding="utf-8") as metadata:
        metadata.write("washington,2024-12-08,fr,contradicts the 988 million seed\n")
    port = _free_port()
    env = dict(
        os.environ,
        FACTCHECK_DB=str(tmp_path / "reviews.sqlite3"),
        FACTCHECK_SEEDS=str(corpus),
        FACTCHECK_REVIEWER="Rédaction test",
    )
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def page(server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1150})
            page.goto(server)
            expect(page.get_by_text("Corpus analysé")).to_be_visible(timeout=180_000)
            yield page
        finally:
            browser.close()


def _open_view(page, view: str) -> None:
    from playwright.sync_api import expect

    page.get_by_test_id("stSidebar").get_by_text(view, exact=True).click()
    expect(page.get_by_role("heading", name=view, level=2)).to_be_visible(timeout=60_000)


def _save(page, name: str, workdir: Path) -> Path:
    """Screenshot to the test's folder, and to $FACTCHECK_SCREENSHOTS when set (palette
    PNG, to keep files small)."""
    page.wait_for_timeout(500)  # let charts and fonts settle before the picture
    shot = workdir / name
    page.screenshot(path=str(shot), full_page=True)
    target = os.environ.get("FACTCHECK_SCREENSHOTS")
    if target:
        from PIL import Image

        Path(target).mkdir(parents=True, exist_ok=True)
        with Image.open(shot) as image:
            image.convert("RGB").quantize(colors=128).save(Path(target) / name, optimize=True)
    return shot


def _choose(page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).first.click()
    page.get_by_role("option", name=option).first.click()


def test_every_view_renders_in_a_real_browser(page, workdir):
    from playwright.sync_api import expect

    _open_view(page, "Articles")
    _choose(page, "Article", "Alors que Moscou")
    expect(page.locator(".fc-text mark[data-status=flagged]").first).to_be_visible()
    _choose(page, "Chiffre", "988 millions de dollars")
    expect(page.get_by_text("Liens avec d'autres chiffres")).to_be_visible()
    _save(page, "articles.png", workdir)

    _open_view(page, "Chiffres")
    expect(page.get_by_text("chiffre(s) sur")).to_be_visible()
    _save(page, "figures.png", workdir)

    _open_view(page, "Signalements")
    expect(page.get_by_text("millions/milliards").first).to_be_visible()
    _save(page, "flags.png", workdir)

    _open_view(page, "Vérifier un brouillon")
    page.get_by_label("Texte du brouillon").fill(
        "Washington débloque 988 milliards de dollars d'aide militaire pour Kiev, "
        "après que Moscou a dit avoir abattu 46 drones ukrainiens."
    )
    # The day of the seed announcing 988 millions; segments take digits in turn.
    page.get_by_role("spinbutton", name="day, Date de publication prévue").click()
    page.keyboard.type("08122024")
    page.keyboard.press("Escape")  # close the calendar that opened
    page.get_by_role("button", name="Vérifier le brouillon").click()
    found = re.compile(r"chiffre\(s\) dans le brouillon, [1-9]\d* signalement")
    expect(page.get_by_text(found)).to_be_visible(timeout=120_000)
    expect(page.locator(".fc-text mark[data-status=flagged]").first).to_be_visible()
    _save(page, "draft.png", workdir)

    _open_view(page, "Chronologie")
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=60_000)
    _save(page, "timeline.png", workdir)

    _open_view(page, "Exports")
    expect(page.get_by_role("button", name="CSV Excel (FR)").first).to_be_visible()
    _save(page, "exports.png", workdir)
    assert page.get_by_test_id("stException").count() == 0


def test_confirm_a_flag_in_a_real_browser(page, workdir):
    from playwright.sync_api import expect

    _open_view(page, "Signalements")
    expect(page.get_by_text("millions/milliards").first).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Confirmer").first.click()
    expect(page.get_by_text("Relecture enregistrée")).to_be_visible(timeout=60_000)
    shot = _save(page, "flags_confirmed.png", workdir)
    assert shot.stat().st_size > 0
    statuses = ReviewStore(workdir / "reviews.sqlite3").current()
    assert list(statuses["status"]) == ["confirmed"]
    assert list(statuses["reviewer"]) == ["Rédaction test"]


def test_uploaded_html_and_script_show_as_text(page, workdir):
    from playwright.sync_api import expect

    payload = (
        "<html><body><p>Selon Kiev, 46 drones ont été abattus.</p>"
        "<p>&lt;script&gt;window.__pwned = 1&lt;/script&gt; "
        "&lt;img src=x onerror=\"window.__pwned = 2\"&gt;</p></body></html>"
    )
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "piege.html", "mimeType": "text/html", "buffer": payload.encode()}]
    )
    expect(page.get_by_text("Corpus analysé : 4 articles")).to_be_visible(timeout=120_000)
    _open_view(page, "Articles")
    _choose(page, "Article", "Selon Kiev")
    text = page.locator(".fc-text").first
    expect(text).to_contain_text("<script>window.__pwned = 1</script>")
    expect(text).to_contain_text('<img src=x onerror="window.__pwned = 2">')
    assert page.evaluate("window.__pwned") is None  # neither ran
    assert text.locator("script, img").count() == 0
    _save(page, "upload_escaped.png", workdir)


TRAPS = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    '<a href="javascript:window.__pwned=3">lien</a>'
)
TRAP_ARTICLE = {
    "id": "piege",
    "title": f"Titre piégé {TRAPS}",
    "source": f"Média {TRAPS}",
    "url": "javascript:window.__pwned=4",
    "published": "2024-12-08",
    "text": f"{TRAPS}\nSelon Kiev, 46 drones abattus dans la nuit. {TRAPS}\n" + CONTRADICTING,
}
# Elements the traps would create, in every frame of the page; Streamlit's own scripts and
# images are not counted.
_TRAPPED = """() => ({
  scripts: [...document.querySelectorAll('script')]
    .filter(s => s.textContent.includes('__pwned')).length,
  images: document.querySelectorAll('img[onerror], img[src="x"]').length,
  links: [...document.querySelectorAll('a[href]')]
    .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
  pwned: typeof window.__pwned,
})"""


def _assert_nothing_ran(page) -> None:
    for frame in page.frames:
        found = frame.evaluate(_TRAPPED)
        assert found == {"scripts": 0, "images": 0, "links": 0, "pwned": "undefined"}, (
            frame.url, found)


def test_uploaded_article_with_markup_in_text_title_and_source_renders_escaped(page, workdir):
    import json

    from playwright.sync_api import expect

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files=[{
        "name": "piege.jsonl", "mimeType": "application/json",
        "buffer": json.dumps(TRAP_ARTICLE, ensure_ascii=False).encode(),
    }])
    expect(page.get_by_text("Corpus analysé : 4 articles")).to_be_visible(timeout=120_000)

    _open_view(page, "Articles")
    _choose(page, "Article", "Titre piégé")
    text = page.locator(".fc-text").first
    for visible in ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=2">',
                    '<a href="javascript:window.__pwned=3">lien</a>'):
        expect(text).to_contain_text(visible)
    expect(text.locator("mark", has_text=re.compile(r"^46\b"))).to_be_visible()
    meta = page.locator(".fc-meta").first
    expect(meta).to_contain_text("Média <script>window.__pwned=1</script>")
    expect(meta).to_contain_text("javascript:window.__pwned=4")
    assert meta.locator("a").count() == 0
    page.get_by_label("Chiffre", exact=True).first.click()
    page.get_by_role("option", name=re.compile(r"^46\b")).first.click()
    expect(page.get_by_text("Liens avec d'autres chiffres")).to_be_visible()
    _assert_nothing_ran(page)
    _save(page, "upload_escaped.png", workdir)

    _open_view(page, "Chiffres")
    page.get_by_label("Rechercher (chiffre, phrase, sujet, article)").fill("piégé")
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"^[1-9]\d* chiffre\(s\) sur"))).to_be_visible()
    _assert_nothing_ran(page)

    _open_view(page, "Signalements")
    cards = page.get_by_text("Titre piégé <script>window.__pwned=1</script>", exact=False)
    expect(cards.first).to_be_visible(timeout=60_000)  # the 988 milliards flag, our title
    _assert_nothing_ran(page)

    _open_view(page, "Vérifier un brouillon")
    page.get_by_label("Texte du brouillon").fill(f"{TRAPS} Moscou dit avoir abattu 46 drones.")
    page.get_by_role("button", name="Vérifier le brouillon").click()
    expect(page.locator(".fc-text").first).to_contain_text(
        "<script>window.__pwned=1</script>", timeout=120_000)
    _assert_nothing_ran(page)
    assert page.get_by_test_id("stException").count() == 0
