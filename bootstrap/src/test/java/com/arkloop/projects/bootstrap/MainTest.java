package com.arkloop.projects.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(args, java.util.Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void an_unknown_command_prints_the_usage_and_exits_2() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: java -jar arkloop-projects-server.jar"));
    }

    @Test
    void the_token_command_refuses_a_user_that_is_not_a_uuid() {
        assertEquals(2, run("token", "--user", "alice", "--org", "11111111-1111-1111-1111-111111111111"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--user must be a UUID"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void help_prints_the_usage() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("token --user <uuid> --org <uuid>"));
    }
}
