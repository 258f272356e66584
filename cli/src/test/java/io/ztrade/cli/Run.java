package io.ztrade.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in the test JVM: its exit code and what it printed. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ztrade.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
