package dev.lookalike.tools;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder while the command is written. */
@Command(name = "demo", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
