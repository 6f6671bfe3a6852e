package io.herald.support;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh H2 data directory under {@code target/}, migrated and opened as the application would open it, for test
 * resources that leave work behind before Herald starts on it ({@code herald.data-dir}).
 */
public record LeftoverDataDir(Path path, DataSource dataSource) {

    public static LeftoverDataDir create(String name) {
        Path dir = Path.of("target", name).toAbsolutePath();
        DataSource dataSource = ApplicationH2.dataSource(dir);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new LeftoverDataDir(dir, dataSource);
    }
}
