package com.microsoft.kusto.spark.common.options;

/**
 * Renders the options table of the README from {@link KustoOptionRegistry}, so the documentation cannot drift
 * from the declarations (a test compares them).
 */
public final class OptionsDocumentation {
  private OptionsDocumentation() {}

  /**
   * A Markdown table with one row per current option: key, scope, default, description. Debug options are marked
   * "(debug)", secret options "(secret)", options without effect say so and why.
   */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| Option | Scope | Default | Description |\n|---|---|---|---|\n");
    for (KustoOption option : KustoOptionRegistry.all()) {
      sb.append("| `").append(option.key()).append("` | ").append(scope(option)).append(" | ")
          .append(escape(option.defaultDescription())).append(" | ").append(escape(option.description()));
      if (option.noEffectReason() != null) {
        sb.append(". Accepted for compatibility, no effect: ").append(escape(option.noEffectReason()));
      }
      if (option.isSecret()) {
        sb.append(" (secret)");
      }
      if (option.isDebug()) {
        sb.append(" (debug)");
      }
      sb.append(" |\n");
    }
    return sb.toString();
  }

  private static String scope(KustoOption option) {
    switch (option.scope()) {
      case READ:
        return "read";
      case WRITE:
        return "write";
      default:
        return "read, write";
    }
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
