package com.microsoft.kusto.spark.common.util;

import java.util.Collection;
import java.util.Locale;

/** Levenshtein distance, used to suggest the intended option when a key is misspelled. */
public final class EditDistance {
  private EditDistance() {}

  /** Case-insensitive Levenshtein distance between two strings. */
  public static int between(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }

  /** The candidate closest to {@code word}; ties go to the first candidate in iteration order. */
  public static String nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = between(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }
}
