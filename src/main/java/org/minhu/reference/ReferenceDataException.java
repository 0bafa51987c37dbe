package org.minhu.reference;

/** A reference document that does not parse or does not pass its checks, with where, when known. */
public class ReferenceDataException extends IllegalStateException {

    private final transient Integer line;
    private final transient Integer column;
    private final String detail;
    private final String path;

    public ReferenceDataException(String source, Integer line, Integer column, String detail, Throwable cause) {
        this(source, line, column, detail, null, cause);
    }

    /** @param path where in the document, as its author wrote it ({@code categories[3].dueHours}); null when not known */
    public ReferenceDataException(String source, Integer line, Integer column, String detail, String path, Throwable cause) {
        super(source + (line == null ? "" : " line " + line + (column == null ? "" : ", column " + column)) + ": " + detail,
                cause);
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** 1-based; null when the problem is the document as a whole, such as a code appearing twice. */
    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    public String detail() {
        return detail;
    }
}
