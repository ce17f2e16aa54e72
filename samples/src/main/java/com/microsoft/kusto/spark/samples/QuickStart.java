package com.microsoft.kusto.spark.samples;

/**
 * The main sample: write a DataFrame of every type to a local Kusto endpoint, read it back with pushdown,
 * and stream a few micro-batches, all with no Azure account.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    System.out.println("kusto-spark quick start: not yet available.");
    System.out.println("The sample lands with the read and write paths; 'mvn -B install' runs every test that exists today.");
  }
}
