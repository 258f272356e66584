package io.ztrade.historical;

/** A data file that cannot be read as bars, with the file and the (1-based) line at fault. */
public final class MalformedDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public MalformedDataException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    public MalformedDataException(String file, int line, String problem, Throwable cause) {
        super(file + " line " + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file name, without its classpath directory. */
    public String file() {
        return file;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
