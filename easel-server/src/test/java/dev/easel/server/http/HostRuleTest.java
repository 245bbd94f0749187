package dev.easel.server.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostRuleTest {

    @Test
    void onLoopbackOnlyLoopbackNamesAndAddressesAreAllowed() {
        HostRule rule = new HostRule(List.of("127.0.0.1"));
        assertThat(List.of("localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.0.0.2", "::1", "[::1]"))
                .allMatch(rule::allows);
        assertThat(List.of("evil.example", "192.168.1.10", "", "999.0.0.1")).noneMatch(rule::allows);
    }

    @Test
    void aListenAddressIsAllowedAsItIsWritten() {
        HostRule rule = new HostRule(List.of("192.168.1.10"));
        assertThat(rule.allows("192.168.1.10")).isTrue();
        assertThat(rule.allows("192.168.1.11")).isFalse();
        assertThat(rule.allows("evil.example")).isFalse();
    }

    @Test
    void listeningOnEveryInterfaceAllowsAnyAddressButNoForeignName() {
        HostRule rule = new HostRule(List.of("0.0.0.0", "::"));
        assertThat(List.of("192.168.1.10", "10.0.0.5", "[fe80::1]", "localhost")).allMatch(rule::allows);
        assertThat(rule.allows("evil.example")).isFalse();
    }
}
