package com.arkloop.projects.bootstrap;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar arkloop-projects-server.jar [serve]} runs the server until SIGTERM or Ctrl-C;
 * {@code ... token --user UUID --org UUID [--role ROLE] [--ttl SECONDS]} prints a JWT for it.
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar arkloop-projects-server.jar [serve]
                   java -jar arkloop-projects-server.jar %s
            configuration: ARKLOOP_* environment variables (see README)""".formatted(TokenCommand.USAGE);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            switch (command) {
                case "serve" -> serve();
                case "token" -> out.println(TokenCommand.run(args, Settings.fromEnvironment()));
                case "help", "--help", "-h" -> out.println(USAGE);
                default -> {
                    err.println("unknown command '" + command + "'\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (ConfigurationException | IllegalArgumentException invalid) {
            err.println("error: " + invalid.getMessage());
            return 2;
        }
    }

    /** Runs until the JVM is asked to stop; the shutdown hook drains requests and closes everything. */
    private static void serve() {
        ArkloopServer server = ArkloopServer.start(Settings.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
