package com.microsoft.kusto.emulator.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Removes the header line from the second and later CSV files of an export with {@code includeHeader=firstFile}. */
final class CsvHeaders {
  private CsvHeaders() {}

  static void dropFirstLine(Path file, boolean gzip) throws IOException {
    Path copy = file.resolveSibling(file.getFileName() + ".tmp");
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        InputStream in = gzip ? new GZIPInputStream(raw) : raw;
        OutputStream rawOut = new BufferedOutputStream(Files.newOutputStream(copy));
        OutputStream out = gzip ? new GZIPOutputStream(rawOut) : rawOut) {
      int c;
      // Header cells are Kusto column names, which never hold line breaks, so the first '\n' ends the header.
      while ((c = in.read()) != -1 && c != '\n') {
        // skip
      }
      in.transferTo(out);
    }
    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
