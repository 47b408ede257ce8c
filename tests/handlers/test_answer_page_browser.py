"""A real browser (headless Chromium, from Debian's chromium and chromium-driver; .ci/run installs
them) opens the personal link from a received mail and answers, as a provider would."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import message_text
from tests.handlers.test_people_outside_slack import LINK, deliver_all, providers
from tests.mail_server import parts_of

COORD = "U_ADMIN"
pytestmark = pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                                reason="needs Debian's chromium and chromium-driver (apt-get install; .ci/run does)")


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=390,844", f"--user-data-dir={tmp_path / 'chromium'}"):  # a phone's screen
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


def heading_after(browser, action) -> str:
    """Do what navigates (a click, back) and read the new page's heading once it is there."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.common.exceptions import WebDriverException
    old = browser.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(old))
    # The new document may still be settling: read its heading once the browser can.
    return WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda driver: driver.find_element(By.TAG_NAME, "h1").text)


def test_a_provider_answers_from_the_link_in_the_mail(trajectory, mail_server, slack, clock, browser, tmp_path):
    from selenium.webdriver.common.by import By
    providers(trajectory, 52)
    trajectory.say("input Capaciteit 2027 per productcategorie van: aanbieders rol: aanbieder deadline: 4 december",
                   user=COORD)
    deliver_all(trajectory, clock)
    links = ["".join(LINK.search(parts_of(m)[1]).groups()) for m in mail_server.received]
    assert len(links) == 52

    browser.get(links[0])
    first = browser.current_window_handle
    browser.switch_to.new_window("tab")  # the same link open twice: its second submit must not count
    browser.get(links[0])
    second = browser.current_window_handle
    browser.switch_to.window(first)
    assert "Vraag van regio Rivierenland" in browser.find_element(By.TAG_NAME, "h1").text
    assert "Capaciteit 2027 per productcategorie" in browser.find_element(By.CLASS_NAME, "question").text
    assert "van Admin · inkooptraject Jeugdhulp Rivierenland 2027" in browser.find_element(By.CLASS_NAME, "meta").text
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")  # fits a phone
    browser.find_element(By.ID, "antwoord").send_keys("Wij bieden 12 plekken ambulante jeugdhulp, vanaf 1 maart.")
    browser.save_screenshot(str(tmp_path / "form.png"))
    assert heading_after(browser, browser.find_element(By.CSS_SELECTOR, "button[value=antwoord]").click) == "Dank u wel"
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "antwoord van" in message_text(c.body))
    assert "(1/52 geantwoord): Wij bieden 12 plekken ambulante jeugdhulp" in message_text(post.body)
    assert "de aanbieders (1/52 geantwoord)" in trajectory.say("status")

    # going back shows the link's state now: the stored answer, to amend until the deadline
    assert heading_after(browser, browser.back) == "Vraag van regio Rivierenland"
    assert browser.find_element(By.ID, "antwoord").get_attribute("value") == \
        "Wij bieden 12 plekken ambulante jeugdhulp, vanaf 1 maart."
    browser.switch_to.window(second)  # the form still open in the other tab, sent a second time
    browser.find_element(By.ID, "antwoord").send_keys("Nog een antwoord")
    assert heading_after(browser, browser.find_element(By.CSS_SELECTOR, "button[value=antwoord]").click) == \
        "Vraag van regio Rivierenland"  # not counted: it shows what came in meanwhile, and keeps this text
    assert "Terwijl u schreef" in browser.find_element(By.CLASS_NAME, "problem").text
    assert browser.find_element(By.ID, "antwoord").get_attribute("value") == "Nog een antwoord"
    assert "(2/52" not in trajectory.say("status")
    assert heading_after(browser, browser.find_element(By.CSS_SELECTOR, "button[value=antwoord]").click) == "Dank u wel"
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "aangepast antwoord" in message_text(c.body))
    assert "(1/52 geantwoord): Nog een antwoord" in message_text(post.body)  # the amendment: the newest counts

    # a suspected BSN keeps the rest of what was typed, the number masked
    browser.get(links[2])
    browser.find_element(By.ID, "antwoord").send_keys("Lange toelichting over de wachtlijst.\nCliënt 111222333 wacht al.")
    heading_after(browser, browser.find_element(By.CSS_SELECTOR, "button[value=antwoord]").click)
    assert "burgerservicenummer" in browser.find_element(By.CLASS_NAME, "problem").text
    assert browser.find_element(By.ID, "antwoord").get_attribute("value") == \
        "Lange toelichting over de wachtlijst.\nCliënt ••••••••• wacht al."
    assert "111222333" not in browser.page_source

    browser.get(trajectory.base + "/antwoord/" + "ab" * 20)  # a guessed link
    assert browser.find_element(By.TAG_NAME, "h1").text == "Deze link kennen we niet"
    clock.set("2027-01-04 10:00")  # 31 days after the deadline
    browser.get(links[1])
    assert browser.find_element(By.TAG_NAME, "h1").text == "Deze link is verlopen"
