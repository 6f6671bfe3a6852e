package io.herald.routing;

import io.cloudevents.sql.generated.CESQLParserLexer;
import io.cloudevents.sql.generated.CESQLParserParser;
import io.cloudevents.sql.impl.parser.CaseChangingCharStream;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Checks CESQL syntax with the grammar cloudevents-sql ships, before that library parses the condition.
 * Its own parser (4.0.1) throws a NullPointerException instead of a ParseException for errors ANTLR repairs
 * inline ("extraneous input ...", "missing ..."), which would lose the reason the operator needs.
 */
final class CesqlSyntax {

    private CesqlSyntax() {
    }

    /** @return the first syntax error, in ANTLR's words, or empty if the text parses */
    static Optional<String> firstError(String cesql) {
        FirstError listener = new FirstError();
        // Upper-casing the stream is how cloudevents-sql makes keywords case-insensitive.
        CESQLParserLexer lexer = new CESQLParserLexer(new CaseChangingCharStream(CharStreams.fromString(cesql), true));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CESQLParserParser parser = new CESQLParserParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.cesql();
        return Optional.ofNullable(listener.message);
    }

    private static final class FirstError extends BaseErrorListener {
        private String message;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int position,
                String msg, RecognitionException e) {
            if (message == null) {
                message = msg;
            }
        }
    }
}
