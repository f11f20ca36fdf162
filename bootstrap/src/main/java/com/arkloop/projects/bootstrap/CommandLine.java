package com.arkloop.projects.bootstrap;

import com.arkloop.projects.domain.Uuids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The arguments of a subcommand: {@code --name value} options and positional arguments, after the
 * command's own name. Every error is an {@link IllegalArgumentException} that ends with the usage.
 */
final class CommandLine {

    private final String usage;
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    CommandLine(String[] args, String usage) {
        this.usage = usage;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw invalid(args[i] + " needs a value");
                }
                options.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
    }

    UUID uuid(String name) {
        return Uuids.parseCanonical(options.get(name)).orElseThrow(() -> invalid(name + " must be a UUID"));
    }

    String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    long positiveNumber(String name, long fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw invalid(name + " must be a positive whole number");
    }

    /** The one positional argument the command takes. */
    String single(String what) {
        if (positional.size() != 1) {
            throw invalid("expected one " + what);
        }
        return positional.getFirst();
    }

    void requireNoPositional() {
        if (!positional.isEmpty()) {
            throw invalid("unexpected argument " + positional.getFirst());
        }
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(problem + "; usage: " + usage);
    }
}
