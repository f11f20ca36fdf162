package com.arkloop.projects.bootstrap;

import com.arkloop.projects.domain.DomainException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar arkloop-projects-server.jar [serve]} runs the server until SIGTERM or Ctrl-C;
 * {@code token} prints a JWT for it, {@code import} publishes a directory into a workspace, {@code gc}
 * deletes unreferenced blobs.
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar arkloop-projects-server.jar [serve]
                   java -jar arkloop-projects-server.jar %s
                   java -jar arkloop-projects-server.jar %s
                   java -jar arkloop-projects-server.jar %s
            configuration: ARKLOOP_* environment variables (see README)""".formatted(
            TokenCommand.USAGE, ImportCommand.USAGE, GcCommand.USAGE);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            switch (command) {
                case "serve" -> serve(Settings.load(environment));
                case "token" -> out.println(TokenCommand.run(args, Settings.load(environment)));
                case "import" -> out.println(ImportCommand.run(args, Settings.load(environment)));
                case "gc" -> out.println(GcCommand.run(args, Settings.load(environment)));
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
        } catch (DomainException refused) {
            err.println("error: " + refused.errorCode().code() + ": " + refused.getMessage()
                    + (refused.details().isEmpty() ? "" : " " + refused.details()));
            return 1;
        }
    }

    /** Runs until the JVM is asked to stop; the shutdown hook drains requests and closes everything. */
    private static void serve(Settings settings) {
        ArkloopServer server = ArkloopServer.start(settings);
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
