package org.datafirst.linkage.settings;

/**
 * A setting that is not valid, with the JSON path of the offending value, e.g.
 * {@code $.comparisons[2].levels[1].threshold: must be between 0 and 1}.
 *
 * <p>Records throw it with a path relative to themselves ("threshold"); the parser prefixes the
 * path of the record ("$.comparisons[2].levels[1]") as the exception travels up.
 */
public class InvalidSettingsException extends RuntimeException {

    private final String path;
    private final String reason;

    public InvalidSettingsException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    /** The same error seen from a parent: {@code under("$.comparisons[2]")}. */
    public InvalidSettingsException under(String parentPath) {
        String joined;
        if (path.isEmpty() || path.equals("$")) {
            joined = parentPath;
        } else if (path.startsWith("[")) {
            joined = parentPath + path;
        } else if (path.startsWith("$")) {
            joined = path;
        } else {
            joined = parentPath + "." + path;
        }
        InvalidSettingsException e = new InvalidSettingsException(joined, reason);
        e.setStackTrace(getStackTrace());
        return e;
    }

    static void require(boolean condition, String path, String reason) {
        if (!condition) {
            throw new InvalidSettingsException(path, reason);
        }
    }

    static void requireName(String value, String path) {
        require(value != null && !value.isBlank(), path, "must not be empty");
    }
}
