package io.herald.config;

/**
 * A place in a configuration file, as people count: line and column start at 1.
 *
 * @param line 1-based line number
 * @param column 1-based column number, 0 when unknown
 */
public record Position(int line, int column) implements Comparable<Position> {

    /** For problems that concern the whole file, such as a missing file. */
    public static final Position FILE = new Position(0, 0);

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        if (line == 0) {
            return "";
        }
        return column == 0 ? "line " + line : "line " + line + ", column " + column;
    }
}
