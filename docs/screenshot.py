"""Take the README's screenshot of `studygen serve` (docs/serve.png) in headless Chromium with Playwright.

Run from the project folder: `python docs/screenshot.py`.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import browser
from tests.test_serve_browser import serving

with tempfile.TemporaryDirectory() as tmp:
    folder = Path(tmp) / "seeds" / "russia-nato"
    shutil.copytree("seeds/russia-nato", folder)
    with serving(folder) as url, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        page.wait_for_selector("article.q.current")
        for _ in range(3):
            page.keyboard.press("a")
        expect(page.locator('[data-count="approved"]')).to_have_text("3")
        page.locator('mark[data-keys~="vassals"]').first.click()
        page.keyboard.press("r")
        page.screenshot(path="docs/serve.png")
