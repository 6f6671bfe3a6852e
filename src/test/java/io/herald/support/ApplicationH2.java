package io.herald.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import org.h2.jdbcx.JdbcDataSource;

/** The H2 store's JDBC URL as {@code application.properties} gives it, so that tests open H2 as Herald does. */
public final class ApplicationH2 {

    private ApplicationH2() {
    }

    /** The H2 database Herald keeps in data directory {@code dataDir}, opened as Herald's own user. */
    public static JdbcDataSource dataSource(Path dataDir) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(dataDir));
        dataSource.setUser("herald");
        return dataSource;
    }

    /** The URL of the H2 database Herald keeps in data directory {@code dataDir}. */
    public static String url(Path dataDir) {
        Properties properties = new Properties();
        try (InputStream in = ApplicationH2.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("quarkus.datasource.jdbc.url").replace("${herald.data-dir}", dataDir.toString());
    }
}
