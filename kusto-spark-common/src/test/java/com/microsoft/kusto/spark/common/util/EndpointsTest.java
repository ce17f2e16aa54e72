package com.microsoft.kusto.spark.common.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointsTest {
  @Test
  void recognisesLoopbackHostsOnly() {
    assertThat(Endpoints.isLoopbackHost("localhost")).isTrue();
    assertThat(Endpoints.isLoopbackHost("LOCALHOST")).isTrue();
    assertThat(Endpoints.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(Endpoints.isLoopbackHost("127.10.20.30")).isTrue();
    assertThat(Endpoints.isLoopbackHost("[::1]")).isTrue();
    assertThat(Endpoints.isLoopbackHost("::1")).isTrue();
    assertThat(Endpoints.isLoopbackHost("128.0.0.1")).isFalse();
    assertThat(Endpoints.isLoopbackHost("localhost.evil.com")).isFalse();
    assertThat(Endpoints.isLoopbackHost("127.0.0.1.nip.io")).isFalse();
    assertThat(Endpoints.isLoopbackHost(null)).isFalse();
    assertThat(Endpoints.isLoopbackUrl("http://[::1]:8080/x")).isTrue();
    assertThat(Endpoints.isLoopbackUrl("https://mycluster.kusto.windows.net")).isFalse();
  }
}
