package dev.wirelab.exercises.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wirelab.exercises.Requirement;
import dev.wirelab.exercises.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a {@link CheckReport} for the student (✓/✗ lines) or for a teacher's script (JSON). */
public final class ReportPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportPrinter() {}

  /**
   *
   *
   * <pre>
   *   ✓ listens on the port given as its first argument
   *   ✗ serves several clients at once: expected ..., ...
   *       hint: ...
   *   1 of 2 requirements met
   * </pre>
   */
  public static void printText(CheckReport report, PrintWriter out) {
    if (report.compile().ok()) {
      report.outcomes().forEach(outcome -> printOutcome(outcome, out));
    }
    printSummary(report, out);
  }

  /** The ✓ or ✗ line of one requirement, and the hint and frames of a failure. */
  public static void printOutcome(CheckReport.Outcome outcome, PrintWriter out) {
    Verdict verdict = outcome.verdict();
    String description = outcome.requirement().description();
    if (verdict.passed()) {
      out.println("  ✓ " + description);
      if (!verdict.observed().isEmpty()) {
        out.println("      " + verdict.observed());
      }
    } else {
      out.println("  ✗ " + description + ": " + failure(verdict));
      if (!verdict.hint().isEmpty()) {
        out.println("      hint: " + verdict.hint());
      }
      for (String frame : verdict.frames()) {
        out.println("      " + frame);
      }
    }
    out.flush();
  }

  /** "3 of 5 requirements met", after the compiler's errors if it did not compile. */
  public static void printSummary(CheckReport report, PrintWriter out) {
    if (!report.compile().ok()) {
      out.printf(
          "  ✗ compiles: javac found %d error(s) in %s%n",
          report.compile().errors().size(), report.sources());
      for (String error : report.compile().errors()) {
        out.println(indent(error, "      "));
      }
      out.printf("  0 of %d requirements met (the code does not compile)%n", report.total());
    } else {
      out.printf("  %d of %d requirements met%n", report.met(), report.total());
    }
    out.flush();
  }

  /** "expected X, you sent Y": the words of one failed requirement. */
  public static String failure(Verdict verdict) {
    if (verdict.expected().isEmpty()) {
      return verdict.observed();
    }
    return "expected " + verdict.expected() + ", " + verdict.observed();
  }

  /** One JSON object with everything in the report, for a teacher collecting results. */
  public static String json(CheckReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("exercise", report.exercise().number());
    root.put("title", report.exercise().title());
    root.put("dir", report.sources().toString());
    root.put("checkedAt", report.checkedAt().toString());
    root.put("compiled", report.compile().ok());
    root.put("compilerErrors", report.compile().errors());
    List<Map<String, Object>> requirements = new ArrayList<>();
    for (Requirement requirement : report.exercise().requirements()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", requirement.id());
      entry.put("description", requirement.description());
      Verdict verdict = report.verdict(requirement.id()).orElse(null);
      entry.put("passed", verdict != null && verdict.passed());
      if (verdict != null && !verdict.passed()) {
        entry.put("expected", verdict.expected());
        entry.put("observed", verdict.observed());
        entry.put("hint", verdict.hint());
        entry.put("frames", verdict.frames());
      }
      requirements.add(entry);
    }
    root.put("requirements", requirements);
    root.put("met", report.met());
    root.put("total", report.total());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report of strings and numbers is always JSON", e);
    }
  }

  private static String indent(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix);
  }
}
