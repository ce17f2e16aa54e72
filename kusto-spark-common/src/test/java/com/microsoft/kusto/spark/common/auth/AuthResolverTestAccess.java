package com.microsoft.kusto.spark.common.auth;

import java.io.File;
import java.nio.file.Path;

/** Lets tests in other packages create PFX files. */
public final class AuthResolverTestAccess {
  private AuthResolverTestAccess() {}

  public static File createPfx(Path dir, String password) throws Exception {
    return AuthResolverTest.createPfx(dir, password);
  }
}
