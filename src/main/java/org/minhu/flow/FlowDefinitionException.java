package org.minhu.flow;

/** A flow file that must not reach residents: names the file, the line and what is wrong. */
public class FlowDefinitionException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public FlowDefinitionException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
