package dev.quire.cli;

import dev.quire.prompt.PromptTooSmallException;
import dev.quire.store.LibraryOpenException;
import dev.quire.store.PersistenceException;
import dev.quire.studio.CannotGenerateException;
import picocli.CommandLine;

/** Turns failures into one clear line on stderr and an exit code; no stack traces for a writer to read. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (e instanceof LibraryOpenException) {
            cmd.getErr().println("quire: " + e.getMessage());
            return QuireCommand.LIBRARY_PROBLEM;
        }
        if (e instanceof CannotGenerateException) {
            cmd.getErr().println("quire: " + e.getMessage());
            return QuireCommand.PROVIDER_PROBLEM;
        }
        if (e instanceof PromptTooSmallException) {
            // nothing was sent: the model's budget cannot carry the request
            cmd.getErr().println("quire: " + e.getMessage() + " Nothing was sent.");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        }
        if (e instanceof PersistenceException) {
            cmd.getErr().println("quire: " + e.getMessage());
            return 1;
        }
        cmd.getErr().println("quire: unexpected error: " + e);
        e.printStackTrace(cmd.getErr());
        return 1;
    }
}
