package io.github.twitterlogin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The code in docs/handler.md is the example's own code: each snippet indented as the source is
 * must be in the source, as it compiles, so that the docs cannot drift from it.
 */
class DocSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Path DOC = Path.of("..", "docs", "handler.md");
  private static final Path SOURCE = Path.of("src", "main", "java", "io", "github", "twitterlogin", "examples",
      "ownapp", "OwnAppVerticle.java");

  @Test
  void everyIndentedSnippetOfTheHandlerGuideIsInTheExample() throws IOException {
    String source = Files.readString(SOURCE);
    List<String> snippets = indentedSnippets(Files.readString(DOC));

    assertThat(snippets).as("snippets taken from the example").hasSizeGreaterThanOrEqualTo(3);
    assertThat(snippets).allSatisfy(snippet -> assertThat(source).contains(snippet));
  }

  /** Blocks indented like method bodies are taken from the example; unindented ones are sketches. */
  private static List<String> indentedSnippets(String markdown) {
    List<String> snippets = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(markdown);
    while (block.find()) {
      if (block.group(1).startsWith("    ")) {
        snippets.add(block.group(1));
      }
    }
    return snippets;
  }
}
