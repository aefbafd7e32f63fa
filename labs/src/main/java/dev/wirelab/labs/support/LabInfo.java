package dev.wirelab.labs.support;

import java.util.function.Supplier;

/**
 * One entry of the lab catalogue.
 *
 * @param number two digits, as typed on the command line ({@code ./wirelab lab 01 demo})
 * @param slug the lab page's name: {@code docs/labs/NN-slug.md}
 * @param title what the lab is about, in a few words
 * @param labClass the picocli command that runs it
 * @param factory makes a fresh instance of {@code labClass} for one run
 */
public record LabInfo(
    String number, String slug, String title, Class<?> labClass, Supplier<Object> factory) {

  public String docsPage() {
    return "docs/labs/" + number + "-" + slug + ".md";
  }
}
