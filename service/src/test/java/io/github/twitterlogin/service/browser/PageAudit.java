package io.github.twitterlogin.service.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An accessibility audit of the page the browser shows, small enough to read: what a person
 * using a screen reader, a keyboard or a phone would trip over first. It checks the page as
 * rendered (computed colours, labels as the browser associates them, requests it made), which
 * a check of the templates' text could not. The rules are in {@code page-audit.js}.
 */
public final class PageAudit {

  private static final String SCRIPT = load("page-audit.js");
  private static final int MAX_TAB_STOPS = 40;

  private final HeadlessChromium browser;

  public PageAudit(HeadlessChromium browser) {
    this.browser = browser;
  }

  /**
   * Language, title, one h1, a main landmark, labels, alt texts, named links and buttons, text
   * contrast (WCAG 1.4.3), and no request to a host other than 127.0.0.1.
   */
  public List<String> pageProblems() {
    List<String> problems = new ArrayList<>();
    for (Object problem : (List<?>) browser.script(SCRIPT, "page")) {
      problems.add(browser.currentUrl() + ": " + problem);
    }
    return problems;
  }

  /**
   * Tabs through the page from its top, as a keyboard user does: every stop must show a focus
   * ring of at least 3:1 against what surrounds it (WCAG 2.4.7, 1.4.11), stops must follow the
   * reading order (2.4.3), and the element with the id {@code mustReach} must be one of them.
   */
  public List<String> keyboardProblems(String mustReach) {
    browser.keyboardToTopOfPage();
    List<String> problems = new ArrayList<>();
    Set<String> reached = new LinkedHashSet<>();
    Set<String> reachedIds = new HashSet<>();
    int lastPosition = -1;
    for (int stop = 0; stop < MAX_TAB_STOPS; stop++) {
      browser.pressTab();
      Map<?, ?> focused = (Map<?, ?>) browser.script(SCRIPT, "focus");
      if (focused == null || !reached.add((String) focused.get("element"))) {
        break;
      }
      reachedIds.add((String) focused.get("id"));
      int position = ((Number) focused.get("position")).intValue();
      if (position < lastPosition) {
        problems.add(browser.currentUrl() + ": Tab goes back up the page to " + focused.get("element"));
      }
      lastPosition = position;
      if (focused.get("ringProblem") != null) {
        problems.add(browser.currentUrl() + ": " + focused.get("ringProblem"));
      }
    }
    if (!reachedIds.contains(mustReach)) {
      problems.add(browser.currentUrl() + ": the keyboard never reaches " + mustReach + "; it reached " + reached);
    }
    return problems;
  }

  private static String load(String name) {
    try (InputStream script = PageAudit.class.getResourceAsStream(name)) {
      if (script == null) {
        throw new IllegalStateException(name + " is missing from the test class path");
      }
      return new String(script.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
